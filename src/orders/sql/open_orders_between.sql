-- Open orders whose window starts in [:from, :to), oldest first (of one kind when :kind is not '',
-- of one crew when :crew is not '', in one area (ZIP code) when :area is not ''); a failed visit is in
-- the unscheduled list instead.
SELECT id, account_number, account_status, kind, status, needs_visit, details, window_start, window_end, crew,
       failure_reason, external_id, requested_by, requested_at, service_point_commodity,
       service_date, forwarding_address, results, final_bill_id, final_bill_number,
       area_zip, area_city
FROM service_order_rows
WHERE status NOT IN ('completed', 'cancelled', 'failed') AND window_start >= :from
  AND window_start < :to AND (:kind = '' OR kind = :kind_again)
  AND (:area = '' OR area_zip = :area_again)
  AND (:crew = '' OR crew = :crew_again)
ORDER BY window_start, id
LIMIT :limit
