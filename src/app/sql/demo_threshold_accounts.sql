-- The active accounts the demo gives high-usage thresholds: one in ten asks to be told when the
-- bill runs 20% above the last one a day, another one in ten when the bill heads past $150.
SELECT a.id, CASE WHEN a.id % 10 = 3 THEN 'last_bill' ELSE 'amount' END AS basis
FROM accounts a
WHERE a.status = 'active' AND a.id % 10 IN (3, 7)
  AND NOT EXISTS (SELECT 1 FROM usage_thresholds t WHERE t.account_id = a.id)
ORDER BY a.id
