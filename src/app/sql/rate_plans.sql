SELECT code, id, commodity FROM rate_plans
