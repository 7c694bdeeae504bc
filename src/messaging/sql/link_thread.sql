UPDATE message_threads SET bill_id = :bill, payment_id = :payment WHERE id = :id
