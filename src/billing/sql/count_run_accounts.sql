-- Accounts of the cycle with an agreement in service during the period (or ended since :since).
SELECT COUNT(*) AS account_count FROM accounts a
WHERE a.bill_cycle = :cycle
  AND EXISTS (SELECT 1 FROM service_agreements s WHERE s.account_id = a.id
              AND s.start_date < :read_date AND (s.end_date IS NULL OR s.end_date >= :since))
