-- A register channel's accepted reads taken in [:from, :to), oldest first.
SELECT taken_at, milli_units, source FROM register_reads
WHERE channel_id = :channel AND status = 'accepted' AND taken_at >= :from AND taken_at < :to
ORDER BY taken_at
