-- The active accounts whose customers wrote to the utility in the demo: one in fifty.
SELECT a.id, a.language FROM accounts a
WHERE a.status = 'active' AND a.id % 50 = 9
  AND NOT EXISTS (SELECT 1 FROM message_threads t WHERE t.account_id = a.id)
ORDER BY a.id
