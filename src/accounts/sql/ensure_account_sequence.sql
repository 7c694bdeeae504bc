INSERT INTO sequences (name, next_value) VALUES ('account_number', 10000001)
ON CONFLICT (name) DO NOTHING
