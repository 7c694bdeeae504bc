-- The open outage on device (:kind, :device), if any.
SELECT id FROM outages
WHERE device_kind = :kind AND device_id = :device
  AND status NOT IN ('restored', 'merged', 'cancelled')
ORDER BY id DESC LIMIT 1
