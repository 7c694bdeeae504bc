SELECT id, milli_units, status FROM register_reads WHERE channel_id = :channel_id AND taken_at = :taken_at
