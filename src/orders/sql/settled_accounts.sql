-- Accounts to close: active, a released final bill, every agreement ended, nothing held or open
-- (a held bill, an order not finished, an adjustment waiting for approval), and a balance of
-- exactly zero. Those numbered :first to :last, oldest first, at most :limit.
SELECT a.id, a.number
FROM accounts a
WHERE a.id BETWEEN :first AND :last
  AND a.status = 'active'
  AND a.id IN (SELECT f.account_id FROM bills f WHERE f.final = 1 AND f.status = 'released')
  AND NOT EXISTS (SELECT 1 FROM service_agreements s
                  WHERE s.account_id = a.id AND s.end_date IS NULL)
  AND NOT EXISTS (SELECT 1 FROM bills h WHERE h.account_id = a.id AND h.status = 'held')
  AND NOT EXISTS (SELECT 1 FROM service_orders o WHERE o.account_id = a.id
                  AND o.status NOT IN ('completed', 'cancelled', 'failed'))
  AND NOT EXISTS (SELECT 1 FROM adjustments j WHERE j.account_id = a.id AND j.status = 'pending')
  AND (SELECT COALESCE(SUM(l.amount_cents), 0) FROM ledger_entries l
       WHERE l.account_id = a.id) = 0
ORDER BY a.id
LIMIT :limit
