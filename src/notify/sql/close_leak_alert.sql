-- Closes an open leak alert of the account; no row when it is not open or not the account's.
UPDATE leak_alerts SET status = 'closed', closed_by = :closed_by, closed_at = :closed_at,
                       resolution = :resolution
WHERE id = :id AND account_id = :account AND status = 'open'
