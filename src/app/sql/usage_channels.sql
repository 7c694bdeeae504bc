-- The channels generate_usage fills, in id order: AMI 15-minute kWh channels and register
-- channels (manual electric kWh, AMR water gal) of installed meters that hold no usage yet, with
-- what shapes their usage: the latest agreement on the service point (its dates, its rate plan,
-- its account bill cycle).
SELECT c.id, c.interval_minutes, m.kind, m.installed_on, p.commodity, m.removed_on,
       a.start_date, a.end_date, r.code, acc.bill_cycle
FROM meter_channels c
JOIN meters m ON m.id = c.meter_id
JOIN service_points p ON p.id = m.service_point_id
LEFT JOIN service_agreements a ON a.id = (SELECT MAX(x.id) FROM service_agreements x
                                          WHERE x.service_point_id = p.id)
LEFT JOIN rate_plans r ON r.id = a.rate_plan_id
LEFT JOIN accounts acc ON acc.id = a.account_id
WHERE m.installed_on IS NOT NULL
  AND ((m.kind = 'ami' AND p.commodity = 'electric' AND c.name = 'kWh' AND c.unit = 'kWh'
        AND c.interval_minutes = 15)
       OR (c.interval_minutes IS NULL AND p.commodity = 'electric' AND c.unit = 'kWh')
       OR (c.interval_minutes IS NULL AND p.commodity = 'water' AND c.unit = 'gal'))
  AND NOT EXISTS (SELECT 1 FROM interval_days d WHERE d.channel_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM register_reads g WHERE g.channel_id = c.id)
ORDER BY c.id
