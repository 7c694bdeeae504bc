-- Accounts without search words yet, in id order, a page at a time.
SELECT a.id FROM accounts a
WHERE a.id > :after
  AND NOT EXISTS (SELECT 1 FROM account_search_words w WHERE w.account_id = a.id)
ORDER BY a.id
LIMIT :limit
