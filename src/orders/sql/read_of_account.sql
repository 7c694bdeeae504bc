-- Register read :read, when it is of a meter at one of account :account's service points.
SELECT r.id, r.source FROM register_reads r
JOIN meter_channels mc ON mc.id = r.channel_id
JOIN meters m ON m.id = mc.meter_id
WHERE r.id = :read
  AND EXISTS (SELECT 1 FROM service_agreements s
              WHERE s.account_id = :account AND s.service_point_id = m.service_point_id)
