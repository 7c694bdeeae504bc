-- The account's orders, newest first.
SELECT id, account_number, kind, status, needs_visit, details, window_start, window_end, crew,
       failure_reason, external_id, requested_by, requested_at
FROM service_order_rows
WHERE account_id = :account
ORDER BY id DESC
