SELECT tariff FROM rate_plans WHERE code = :code
