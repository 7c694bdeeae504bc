INSERT INTO rate_plans (code, name, commodity) VALUES (:code, :name, :commodity)
ON CONFLICT (code) DO NOTHING
