-- Register read :read, when the account's customer sent it while in service there: a reading of a
-- meter at one of account :account's service points, taken during its agreement.
SELECT r.id, r.source FROM register_reads r
JOIN meter_channels mc ON mc.id = r.channel_id
JOIN meters m ON m.id = mc.meter_id
WHERE r.id = :read AND r.source = 'customer'
  AND EXISTS (SELECT 1 FROM service_agreements s
              WHERE s.account_id = :account AND s.service_point_id = m.service_point_id
                AND s.start_date <= substr(r.taken_at, 1, 10)
                AND (s.end_date IS NULL OR substr(r.taken_at, 1, 10) <= s.end_date))
