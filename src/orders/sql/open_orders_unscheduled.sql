-- Open orders waiting for a window, oldest first (of one kind when :kind is not '', in one area (ZIP
-- code) when :area is not ''): those with none yet, and visits that failed (they keep the window
-- they failed in until scheduled again).
SELECT id, account_number, account_status, kind, status, needs_visit, details, window_start, window_end, crew,
       failure_reason, external_id, requested_by, requested_at, service_point_commodity,
       service_date, forwarding_address, results, final_bill_id, final_bill_number,
       area_zip, area_city
FROM service_order_rows
WHERE status NOT IN ('completed', 'cancelled') AND (window_start IS NULL OR status = 'failed')
  AND (:kind = '' OR kind = :kind_again)
  AND (:area = '' OR area_zip = :area_again)
ORDER BY id
LIMIT :limit
