-- What an account's adjustments posted without a second person came to since :since (either
-- sign counts by its size): repeated small adjustments count together against the approval
-- limit. The adjustment being decided (:id) is left out.
SELECT CAST(COALESCE(SUM(CASE WHEN amount_cents < 0 THEN -amount_cents ELSE amount_cents END),
                     0) AS BIGINT) AS cents
FROM adjustments
WHERE account_id = :account_id AND status = 'posted' AND COALESCE(decided_by, '') = ''
  AND requested_at >= :since AND id <> :id
