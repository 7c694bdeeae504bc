-- The accepted register reads taken in [:from, :to) on the register channels at the service
-- points of the cycle's accounts in [:first, :last], oldest first per channel.
SELECT r.channel_id, r.taken_at, r.milli_units
FROM register_reads r
WHERE r.channel_id IN (
    SELECT c.id FROM accounts a
    JOIN service_agreements sa ON sa.account_id = a.id
    JOIN meters m ON m.service_point_id = sa.service_point_id
    JOIN meter_channels c ON c.meter_id = m.id
    WHERE a.bill_cycle = :cycle AND a.id BETWEEN :first AND :last
      AND c.interval_minutes IS NULL)
  AND r.status = 'accepted' AND r.taken_at >= :from AND r.taken_at < :to
ORDER BY r.channel_id, r.taken_at
