-- Every cashier's drawer per local day in [:from, :to], by method, counted as
-- payments/sql/drawer_totals.sql counts one drawer; summed first, then each cashier named.
SELECT d.day, d.method, d.payment_count, d.cents,
       COALESCE((SELECT su.name FROM staff_users su
                 WHERE 'staff:' || CAST(su.id AS TEXT) = d.taken_by),
                (SELECT 'API key ''' || k.name || '''' FROM api_keys k
                 WHERE 'api_key:' || CAST(k.id AS TEXT) = d.taken_by),
                d.taken_by, 'not recorded') AS cashier_name
FROM (SELECT effective_on AS day, taken_by, method, COUNT(*) AS payment_count,
             CAST(SUM(amount_cents) AS BIGINT) AS cents
      FROM payments
      WHERE channel = 'cashier' AND effective_on >= :from AND effective_on <= :to
        AND status IN ('posted', 'moved') AND moved_from_payment_id IS NULL
      GROUP BY effective_on, taken_by, method) AS d
ORDER BY d.day, cashier_name, d.method
