-- Every account that has had service through the meter of a meter data exception.
SELECT a.number FROM vee_exceptions v
JOIN meter_channels c ON c.id = v.channel_id
JOIN meters m ON m.id = c.meter_id
JOIN service_agreements sa ON sa.service_point_id = m.service_point_id
JOIN accounts a ON a.id = sa.account_id
WHERE v.id = :id
