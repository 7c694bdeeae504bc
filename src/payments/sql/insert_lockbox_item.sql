INSERT INTO lockbox_items (import_id, item_key, line, deposited_on, amount_cents, bank_reference,
                           customer_reference, detail_text, status, reason, payment_id)
VALUES (:import, :item_key, :line, :deposited_on, :amount, :bank_reference, :customer_reference,
        :text, :status, :reason, :payment)
RETURNING id
