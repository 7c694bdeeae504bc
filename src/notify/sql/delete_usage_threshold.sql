DELETE FROM usage_thresholds WHERE account_id = :account AND basis = :basis
