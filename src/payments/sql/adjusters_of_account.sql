-- Who asked for or approved an adjustment to the account since :since (rejected ones aside):
-- none of them may also pay out its credit.
SELECT requested_by, COALESCE(decided_by, '') AS decided_by FROM adjustments
WHERE account_id = :account_id AND requested_at >= :since AND status <> 'rejected'
