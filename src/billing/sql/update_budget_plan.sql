UPDATE budget_plans SET installment_cents = :installment, bills_since_review = :since_review
WHERE id = :plan
