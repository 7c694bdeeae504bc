UPDATE rate_plans SET tariff = :tariff WHERE code = :code
