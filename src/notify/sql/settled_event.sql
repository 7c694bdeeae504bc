-- The newest event after :after, at most :through, written before :settled_before: every event
-- up to it has committed (a transaction does not stay open that long), so the cursor may pass it.
SELECT COALESCE(MAX(id), :after_again) AS settled
FROM account_events
WHERE id > :after AND id <= :through AND occurred_at < :settled_before
