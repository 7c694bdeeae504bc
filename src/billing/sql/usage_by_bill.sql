-- The account's usage of one commodity on its released bills up to bill :bill, newest first.
SELECT b.bill_date, s.usage_milli, s.estimated
FROM bills b JOIN bill_sections s ON s.bill_id = b.id
WHERE b.account_id = :account AND b.status = 'released' AND s.commodity = :commodity
  AND b.id <= :bill
ORDER BY b.bill_date DESC LIMIT 26
