-- An agreement's peak demands (kW, milli) of its sent sections before :before, newest first, for
-- a demand ratchet's look-back.
SELECT s.peak_demand_milli
FROM bill_sections s JOIN bills b ON b.id = s.bill_id
WHERE s.service_agreement_id = :agreement AND s.active = 1 AND b.status = 'released'
  AND s.period_start < :before
ORDER BY s.period_start DESC
LIMIT :limit
