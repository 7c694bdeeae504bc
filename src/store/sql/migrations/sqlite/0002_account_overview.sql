-- One row per account as staff lists show it: the customer, the first service address, and the
-- balance (the sum of the ledger). Searches and lists select from here.
CREATE VIEW account_overview AS
SELECT a.id, a.number, p.name AS customer_name, a.status, a.mail_zip,
       pr.line1, pr.line2, pr.city, pr.state, pr.zip,
       (SELECT CAST(COALESCE(SUM(le.amount_cents), 0) AS BIGINT)
          FROM ledger_entries le WHERE le.account_id = a.id) AS balance_cents
FROM accounts a
JOIN persons p ON p.id = a.person_id
LEFT JOIN premises pr ON pr.id = (
  SELECT sp.premise_id FROM service_agreements sa
  JOIN service_points sp ON sp.id = sa.service_point_id
  WHERE sa.account_id = a.id ORDER BY sa.id LIMIT 1);
