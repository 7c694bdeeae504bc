-- The account's stop or transfer still open, if any (a second is refused while one is open).
SELECT id FROM service_orders
WHERE account_id = :account AND kind IN ('stop_service', 'transfer')
  AND status NOT IN ('completed', 'cancelled')
LIMIT 1
