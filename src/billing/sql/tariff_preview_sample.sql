-- The sample for a tariff preview: the latest sent sections on rate plan :code, newest bills
-- first, one per service agreement, at most :limit.
SELECT s.service_agreement_id, s.commodity, s.period_start, s.period_end, s.meter_serial, s.unit,
       s.usage_milli, s.charges_cents, b.number AS bill_number, a.number AS account_number,
       sa.service_point_id
FROM bill_sections s
JOIN bills b ON b.id = s.bill_id
JOIN accounts a ON a.id = b.account_id
JOIN service_agreements sa ON sa.id = s.service_agreement_id
WHERE s.rate_plan_code = :code AND s.active = 1 AND b.status = 'released'
  AND s.period_end = (
    SELECT MAX(later.period_end) FROM bill_sections later JOIN bills lb ON lb.id = later.bill_id
    WHERE later.service_agreement_id = s.service_agreement_id AND later.active = 1
      AND lb.status = 'released')
ORDER BY b.id DESC, s.id
LIMIT :limit
