-- Payments received on local days [:from, :to] by channel and method: posted ones, and those
-- since returned, refunded or moved (they were received that day); a payment carrying a moved
-- one is not counted again; failed, pending and voided ones were never received.
SELECT effective_on AS day, channel, method, COUNT(*) AS payment_count,
       CAST(SUM(amount_cents) AS BIGINT) AS cents
FROM payments
WHERE effective_on >= :from AND effective_on <= :to
  AND status IN ('posted', 'moved', 'returned', 'refunded') AND moved_from_payment_id IS NULL
GROUP BY effective_on, channel, method
ORDER BY 1
