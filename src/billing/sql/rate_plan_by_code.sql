SELECT id, commodity FROM rate_plans WHERE code = :code
