UPDATE autopay_bills SET status = :status, amount_cents = :amount, payment_id = :payment,
                         reason = :reason, updated_at = :at
WHERE bill_id = :bill AND status = 'scheduled'
