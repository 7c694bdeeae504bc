-- A demo tariff for a plan that has none (a utility's own tariff is never replaced).
UPDATE rate_plans SET tariff = :tariff WHERE code = :code AND tariff IS NULL
