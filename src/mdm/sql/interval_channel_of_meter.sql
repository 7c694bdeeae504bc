SELECT id FROM meter_channels
WHERE meter_id = :meter_id AND unit = :unit AND interval_minutes IS NOT NULL
  AND name NOT LIKE '%-received'
ORDER BY id
LIMIT 1
