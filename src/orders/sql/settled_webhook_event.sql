-- How far the cursor may move: the newest event after it that is older than the settle time.
SELECT COALESCE(MAX(id), :after) AS settled FROM account_events
WHERE id > :after_again AND occurred_at < :before
