SELECT a.id AS account_id, a.paperless, p.id AS person_id, COALESCE(p.email, '') AS email,
       COALESCE(p.phone, '') AS phone,
       b.installment_cents, b.true_up_month, b.enrolled_on
FROM accounts a
JOIN persons p ON p.id = a.person_id
LEFT JOIN budget_plans b ON b.account_id = a.id AND b.status = 'active'
WHERE a.number = :number
