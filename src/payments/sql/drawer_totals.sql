-- A cashier's drawer for one local day: posted counter payments by method. A payment since moved
-- to another account was still taken into the drawer (the payment carrying it is not counted
-- again).
SELECT method, COUNT(*) AS payment_count,
       CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS total_cents
FROM payments
WHERE taken_by = :cashier AND effective_on = :day AND channel = 'cashier'
  AND status IN ('posted', 'moved') AND moved_from_payment_id IS NULL
GROUP BY method ORDER BY method
