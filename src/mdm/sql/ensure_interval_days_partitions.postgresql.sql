SELECT ensure_interval_days_partitions(:first_day, :last_day)
