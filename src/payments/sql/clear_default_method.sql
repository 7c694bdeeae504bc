UPDATE payment_methods SET is_default = 0
WHERE account_id = :account AND owner = :owner AND is_default = 1
