-- Aging by customer class (reports.h): each account's balance aged as ledger/aging.h ages it.
-- Credits pay the oldest charges first, so what a positive balance still owes is its newest
-- charges: the balance is owed first from the charges of the newest bucket, what is left from
-- the next older one, and so on (the order inside a bucket does not change its sum). So one pass
-- over the ledger sums each account's balance and its charges per bucket, bucketed against the
-- cut-offs :d30, :d60 and :d90 (today less 30, 60 and 90 days): a charge other than a bill on
-- the day it took effect. A bill is due on its due date, so bills come from the bills table:
-- only those due after :d90 (a bill due on or before it is 90+ days past due whatever its date),
-- each numbered bill's charges being exactly its ledger entry's amount. Adding the bills' rows to
-- the ledger's (UNION ALL) rather than joining each ledger entry to its bill keeps the pass over
-- the ledger a plain aggregate. The class is the class of the rate plan of the account's first service agreement.
WITH sums AS (
  SELECT account_id, CAST(SUM(amount_cents) AS BIGINT) AS balance,
         CAST(SUM(c0) AS BIGINT) AS c0, CAST(SUM(c30) AS BIGINT) AS c30,
         CAST(SUM(c60) AS BIGINT) AS c60
  FROM (SELECT account_id, amount_cents,
               CASE WHEN amount_cents > 0 AND kind <> 'bill' AND effective_on > :d30
                    THEN amount_cents ELSE 0 END AS c0,
               CASE WHEN amount_cents > 0 AND kind <> 'bill' AND effective_on <= :d30_again
                     AND effective_on > :d60 THEN amount_cents ELSE 0 END AS c30,
               CASE WHEN amount_cents > 0 AND kind <> 'bill' AND effective_on <= :d60_again
                     AND effective_on > :d90 THEN amount_cents ELSE 0 END AS c60
        FROM ledger_entries
        UNION ALL
        SELECT account_id, 0 AS amount_cents,
               CASE WHEN due_date > :d30_bills THEN charges_cents ELSE 0 END AS c0,
               CASE WHEN due_date <= :d30_bills_again AND due_date > :d60_bills
                    THEN charges_cents ELSE 0 END AS c30,
               CASE WHEN due_date <= :d60_bills_again THEN charges_cents ELSE 0 END AS c60
        FROM bills
        WHERE due_date > :d90_bills AND number IS NOT NULL AND charges_cents > 0) AS parts
  GROUP BY account_id
),
aged AS (
  SELECT account_id, balance,
         CASE WHEN balance <= 0 THEN 0 WHEN balance < c0 THEN balance ELSE c0 END AS current_cents,
         CASE WHEN balance <= c0 THEN 0 WHEN balance - c0 < c30 THEN balance - c0 ELSE c30 END
           AS days_30,
         CASE WHEN balance <= c0 + c30 THEN 0 WHEN balance - c0 - c30 < c60
              THEN balance - c0 - c30 ELSE c60 END AS days_60,
         CASE WHEN balance <= c0 + c30 + c60 THEN 0 ELSE balance - c0 - c30 - c60 END
           AS days_90_plus
  FROM sums
),
first_agreements AS (
  SELECT firsts.account_id, rp.customer_class
  FROM (SELECT account_id, MIN(id) AS first_id FROM service_agreements GROUP BY account_id)
         AS firsts
  JOIN service_agreements sa ON sa.id = firsts.first_id
  JOIN rate_plans rp ON rp.id = sa.rate_plan_id
)
SELECT COALESCE(f.customer_class, 'none') AS customer_class,
       CAST(SUM(CASE WHEN a.balance > 0 THEN 1 ELSE 0 END) AS BIGINT) AS owing,
       CAST(SUM(a.current_cents) AS BIGINT) AS current_cents,
       CAST(SUM(a.days_30) AS BIGINT) AS days_30,
       CAST(SUM(a.days_60) AS BIGINT) AS days_60,
       CAST(SUM(a.days_90_plus) AS BIGINT) AS days_90_plus,
       CAST(SUM(CASE WHEN a.balance < 0 THEN a.balance ELSE 0 END) AS BIGINT) AS credit
FROM aged a
LEFT JOIN first_agreements f ON f.account_id = a.account_id
GROUP BY 1
ORDER BY 1
