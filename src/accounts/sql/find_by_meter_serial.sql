-- Every account served through the service point of the meter with this serial (as typed, or in
-- upper case), the latest agreement first.
SELECT o.id, o.number, o.customer_name, o.status, o.line1, o.line2, o.city, o.state, o.zip,
       o.balance_cents
FROM meters m
JOIN service_agreements sa ON sa.service_point_id = m.service_point_id
JOIN account_overview o ON o.id = sa.account_id
WHERE m.serial IN (:serial, :upper_serial)
ORDER BY sa.start_date DESC, sa.id DESC
