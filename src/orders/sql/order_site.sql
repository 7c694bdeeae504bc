-- Where an order's work is: the premise (the one it starts service at, else that of the account's
-- open service of its commodity, else any open service's) with the meters in place there on the
-- account's services, each with its last accepted reading (register meters).
SELECT p.line1, p.line2, p.city, p.state, p.zip, sp.commodity, m.serial, m.kind,
       mc.unit, mc.interval_minutes,
       (SELECT r.milli_units FROM register_reads r WHERE r.channel_id = mc.id
          AND r.status = 'accepted' ORDER BY r.taken_at DESC LIMIT 1) AS last_reading_milli,
       (SELECT r.taken_at FROM register_reads r WHERE r.channel_id = mc.id
          AND r.status = 'accepted' ORDER BY r.taken_at DESC LIMIT 1) AS last_read_at
FROM premises p
JOIN service_points sp ON sp.premise_id = p.id
LEFT JOIN meters m ON m.service_point_id = sp.id AND m.removed_on IS NULL
LEFT JOIN meter_channels mc ON mc.meter_id = m.id AND mc.unit <> 'kW'
WHERE p.id = COALESCE((SELECT o.premise_id FROM service_orders o WHERE o.id = :order), (
    SELECT sp2.premise_id FROM service_agreements sa
    JOIN service_points sp2 ON sp2.id = sa.service_point_id
    WHERE sa.account_id = :account
      AND (:commodity = '' OR sp2.commodity = :commodity_again)
    ORDER BY sa.end_date IS NULL DESC, sa.id DESC LIMIT 1))
  AND (:commodity_three = '' OR sp.commodity = :commodity_four)
ORDER BY sp.commodity, m.serial
