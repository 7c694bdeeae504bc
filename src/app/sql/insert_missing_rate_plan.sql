INSERT INTO rate_plans (code, name, commodity, customer_class)
VALUES (:code, :name, :commodity, :customer_class)
ON CONFLICT (code) DO NOTHING
