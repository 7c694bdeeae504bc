-- Aging by customer class (reports.h): each account's balance aged as ledger/aging.h ages it.
-- Credits pay the oldest charges first, so what a positive balance still owes is its newest
-- charges: the balance is owed first from the charges of the newest bucket, what is left from
-- the next older one, and so on (the order inside a bucket does not change its sum). So one pass
-- over the ledger sums each account's balance and its charges per bucket; a bill is due on its
-- due date, any other charge on the day it took effect, bucketed against the cut-offs :d30, :d60
-- and :d90 (today less 30, 60 and 90 days). Only bills due after :d90 are looked up: a bill due
-- on or before it is 90+ days past due whatever its date, so it needs no lookup (a bill's ledger
-- entry always has its bill). The class is the class of the rate plan of the account's first
-- service agreement.
WITH sums AS (
  SELECT account_id,
         CAST(SUM(amount_cents) AS BIGINT) AS balance,
         CAST(SUM(CASE WHEN amount_cents > 0 AND due_on > :d30 THEN amount_cents ELSE 0 END)
              AS BIGINT) AS c0,
         CAST(SUM(CASE WHEN amount_cents > 0 AND due_on <= :d30_again AND due_on > :d60
                       THEN amount_cents ELSE 0 END) AS BIGINT) AS c30,
         CAST(SUM(CASE WHEN amount_cents > 0 AND due_on <= :d60_again AND due_on > :d90
                       THEN amount_cents ELSE 0 END) AS BIGINT) AS c60
  FROM (SELECT le.account_id, le.amount_cents,
               CASE WHEN le.kind <> 'bill' THEN le.effective_on
                    ELSE COALESCE(b.due_date, '0000-00-00') END AS due_on
        FROM ledger_entries le
        LEFT JOIN bills b
          ON b.number = CASE WHEN le.kind = 'bill' THEN CAST(le.reference AS BIGINT) END
         AND b.account_id = le.account_id AND b.due_date > :d90_bills) AS entries
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
