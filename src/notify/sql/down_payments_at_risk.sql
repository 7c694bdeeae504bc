-- Active arrangements whose down payment is not made yet and is due from :today to :last_day,
-- not warned of yet, with what was paid or credited since the arrangement was made.
SELECT a.id, a.account_id, a.down_payment_cents, a.down_payment_due_on,
       (SELECT CAST(COALESCE(-SUM(l.amount_cents), 0) AS BIGINT) FROM ledger_entries l
        WHERE l.account_id = a.account_id AND l.amount_cents < 0
          AND l.effective_on >= a.created_on AND l.effective_on <= :today) AS paid_cents
FROM payment_arrangements a
WHERE a.status = 'active' AND a.down_payment_kept = 0
  AND a.down_payment_due_on >= :today_again AND a.down_payment_due_on <= :last_day
  AND NOT EXISTS (SELECT 1 FROM arrangement_warnings w
                  WHERE w.arrangement_id = a.id AND w.warning = 'down_payment')
ORDER BY a.id
