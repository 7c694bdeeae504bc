SELECT taken_at, milli_units FROM register_reads
WHERE channel_id = :channel_id AND taken_at < :taken_at AND status = 'accepted'
ORDER BY taken_at DESC
LIMIT 2
