-- What staff see of an account beyond the customer's view: portal logins holding it, its
-- late-fee exemption, and bills held for review (not yet sent).
SELECT (SELECT COUNT(*) FROM user_accounts ua WHERE ua.account_id = a.id) AS portal_logins,
       a.late_fee_exemption,
       (SELECT COUNT(*) FROM bills b WHERE b.account_id = a.id AND b.status = 'held') AS held_bills
FROM accounts a
WHERE a.number = :number
