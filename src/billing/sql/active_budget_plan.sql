SELECT id FROM budget_plans WHERE account_id = :account AND status = 'active'
