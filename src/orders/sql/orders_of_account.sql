-- The account's orders, newest first.
SELECT id, account_number, account_status, kind, status, needs_visit, details, window_start, window_end, crew,
       failure_reason, external_id, requested_by, requested_at, service_point_commodity,
       service_date, forwarding_address, results, final_bill_id, final_bill_number,
       area_zip, area_city
FROM service_order_rows
WHERE account_id = :account
ORDER BY id DESC
