-- The account's stop order still open, if any (a second stop is refused while one is open).
SELECT id FROM service_orders
WHERE account_id = :account AND kind = 'stop_service'
  AND status NOT IN ('completed', 'cancelled')
LIMIT 1
