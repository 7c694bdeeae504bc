UPDATE account_claims SET wrong_codes = wrong_codes + 1 WHERE id = :id
