-- One order of the account (none when the id is another account's).
SELECT id, account_number, kind, status, needs_visit, details, window_start, window_end, crew,
       failure_reason, external_id, requested_by, requested_at
FROM service_order_rows
WHERE id = :id AND account_id = :account
