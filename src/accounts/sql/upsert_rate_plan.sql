INSERT INTO rate_plans (code, name, commodity, customer_class)
VALUES (:code, :name, :commodity, :customer_class)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, commodity = excluded.commodity,
  customer_class = excluded.customer_class
