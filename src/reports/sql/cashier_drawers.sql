-- Every cashier's drawer per local day in [:from, :to], by method, counted as
-- payments/sql/drawer_totals.sql counts one drawer; with the cashier's name.
SELECT p.effective_on AS day, p.taken_by, p.method, COUNT(*) AS payment_count,
       CAST(SUM(p.amount_cents) AS BIGINT) AS cents,
       COALESCE(MAX(su.name), 'API key ''' || MAX(k.name) || '''', p.taken_by) AS cashier_name
FROM payments p
LEFT JOIN staff_users su ON p.taken_by = 'staff:' || CAST(su.id AS TEXT)
LEFT JOIN api_keys k ON p.taken_by = 'api_key:' || CAST(k.id AS TEXT)
WHERE p.channel = 'cashier' AND p.effective_on >= :from AND p.effective_on <= :to
  AND p.status IN ('posted', 'moved') AND p.moved_from_payment_id IS NULL
GROUP BY p.effective_on, p.taken_by, p.method
ORDER BY 1, 2, 3
