INSERT INTO bank_accounts (token, routing_number, account_sealed, last_four, account_type,
                           holder_name, created_at)
VALUES (:token, :routing, :sealed, :last_four, :account_type, :holder_name, :created_at)
