UPDATE payment_arrangements SET installments_billed = :billed WHERE id = :id
