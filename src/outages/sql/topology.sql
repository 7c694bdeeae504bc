-- The electric network: every electric service point with its transformer, feeder, substation.
SELECT sp.id AS point, sp.transformer_id, t.feeder_id, f.substation_id
FROM service_points sp
LEFT JOIN transformers t ON t.id = sp.transformer_id
LEFT JOIN feeders f ON f.id = t.feeder_id
WHERE sp.commodity = 'electric'
