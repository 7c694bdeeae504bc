-- A cashier's drawer for one local day: posted counter payments by method.
SELECT method, COUNT(*) AS payment_count,
       CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS total_cents
FROM payments
WHERE taken_by = :cashier AND effective_on = :day AND channel = 'cashier' AND status = 'posted'
GROUP BY method ORDER BY method
