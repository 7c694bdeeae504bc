INSERT INTO arrangement_warnings (arrangement_id, warning, warned_on)
VALUES (:arrangement, :warning, :warned_on)
ON CONFLICT (arrangement_id, warning) DO NOTHING
