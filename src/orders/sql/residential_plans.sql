-- The rate plans a customer may choose when starting service: residential, with a tariff to bill.
SELECT id, code, name, commodity FROM rate_plans
WHERE customer_class = 'residential' AND tariff IS NOT NULL
ORDER BY commodity, code
