-- A VEE exception about a register read, with the read and where its meter is, for a re-read
-- order.
SELECT e.id, e.status, e.rule, e.register_read_id, e.reread_order_id, r.milli_units, r.taken_at,
       r.source, m.serial, mc.unit, m.service_point_id, sp.commodity
FROM vee_exceptions e
JOIN register_reads r ON r.id = e.register_read_id
JOIN meter_channels mc ON mc.id = e.channel_id
JOIN meters m ON m.id = mc.meter_id
JOIN service_points sp ON sp.id = m.service_point_id
WHERE e.id = :id
