SELECT e.id, e.rule, e.evidence, e.status, m.serial, mc.name, mc.unit, e.utc_day, e.first_slot,
       e.last_slot, COALESCE(mc.interval_minutes, 0) AS interval_minutes, e.register_read_id,
       e.created_at, COALESCE(e.resolved_at, '') AS resolved_at,
       COALESCE(e.resolved_by, '') AS resolved_by,
       COALESCE(e.resolution_note, '') AS resolution_note,
       COALESCE(m.service_point_id, 0) AS service_point_id, e.channel_id, e.reread_order_id,
       (SELECT p.id FROM photos p WHERE p.register_read_id = e.register_read_id) AS photo_id
FROM vee_exceptions e
JOIN meter_channels mc ON mc.id = e.channel_id
JOIN meters m ON m.id = mc.meter_id
WHERE e.id = :id
