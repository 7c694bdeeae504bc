UPDATE budget_plans SET status = 'ended', ended_on = :ended_on WHERE id = :plan
