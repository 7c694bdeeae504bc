SELECT id, code, commodity, tariff FROM rate_plans
