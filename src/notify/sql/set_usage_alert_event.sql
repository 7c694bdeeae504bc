UPDATE usage_alerts SET event_id = :event WHERE threshold_id = :threshold AND period_start = :period_start
