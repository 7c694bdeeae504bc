-- Aging by customer class (reports.h): each account's balance aged as ledger/aging.h ages it.
-- Credits pay the oldest charges first, so what a positive balance still owes is its newest
-- charges: walking an account's charges newest due date first, each is owed in full while the
-- running sum stays within the balance, and the one that crosses it is owed in part. A bill is
-- due on its due date, any other charge on the day it took effect. Buckets by the due date
-- against the cut-offs :d30, :d60, :d90 (today less 30, 60 and 90 days).
WITH balances AS (
  SELECT account_id, CAST(SUM(amount_cents) AS BIGINT) AS balance
  FROM ledger_entries GROUP BY account_id
),
classes AS (
  SELECT a.id AS account_id,
         COALESCE((SELECT rp.customer_class FROM service_agreements sa
                   JOIN rate_plans rp ON rp.id = sa.rate_plan_id
                   WHERE sa.account_id = a.id ORDER BY sa.id LIMIT 1), 'none') AS customer_class
  FROM accounts a
),
charges AS (
  SELECT le.account_id, le.id, le.amount_cents, bl.balance,
         COALESCE(b.due_date, le.effective_on) AS due_on
  FROM ledger_entries le
  JOIN balances bl ON bl.account_id = le.account_id AND bl.balance > 0
  LEFT JOIN bills b ON le.kind = 'bill' AND b.account_id = le.account_id
    AND CAST(b.number AS TEXT) = le.reference
  WHERE le.amount_cents > 0
),
newest_first AS (
  SELECT account_id, amount_cents, balance, due_on,
         SUM(amount_cents) OVER (PARTITION BY account_id ORDER BY due_on DESC, id DESC
                                 ROWS UNBOUNDED PRECEDING) AS through_this
  FROM charges
),
owed AS (
  SELECT account_id, due_on,
         CASE WHEN through_this <= balance THEN amount_cents
              ELSE balance - (through_this - amount_cents) END AS owed_cents
  FROM newest_first
  WHERE through_this - amount_cents < balance
)
SELECT c.customer_class,
       CASE WHEN o.due_on > :d30 THEN 'current'
            WHEN o.due_on > :d60 THEN 'days_30'
            WHEN o.due_on > :d90 THEN 'days_60'
            ELSE 'days_90_plus' END AS bucket,
       CAST(SUM(o.owed_cents) AS BIGINT) AS cents
FROM owed o JOIN classes c ON c.account_id = o.account_id
GROUP BY 1, 2
UNION ALL
SELECT c.customer_class, 'credit' AS bucket, CAST(SUM(bl.balance) AS BIGINT) AS cents
FROM balances bl JOIN classes c ON c.account_id = bl.account_id
WHERE bl.balance < 0
GROUP BY 1
UNION ALL
SELECT c.customer_class, 'owing' AS bucket, COUNT(*) AS cents
FROM balances bl JOIN classes c ON c.account_id = bl.account_id
WHERE bl.balance > 0
GROUP BY 1
