SELECT code, name FROM rate_plans
