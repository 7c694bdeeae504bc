SELECT a.id, a.number, a.status, p.name, p.email, p.phone,
       a.mail_line1, a.mail_line2, a.mail_city, a.mail_state, a.mail_zip,
       a.language, a.bill_cycle, a.opened_on, a.closed_on,
       (SELECT CAST(COALESCE(SUM(le.amount_cents), 0) AS BIGINT)
          FROM ledger_entries le WHERE le.account_id = a.id) AS balance_cents
FROM accounts a
JOIN persons p ON p.id = a.person_id
WHERE a.number = :number
