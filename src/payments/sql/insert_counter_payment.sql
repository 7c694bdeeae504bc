-- Cash or a check taken at the counter: posted as it is taken (no processor to ask).
INSERT INTO payments (account_id, confirmation, amount_cents, status, channel, method,
                      method_label, idempotency_key, request_fingerprint, effective_on,
                      created_at, updated_at, taken_by, check_number)
VALUES (:account, :confirmation, :amount, 'pending', 'cashier', :method, :label, :key,
        :fingerprint, :effective_on, :created_at, :updated_at, :taken_by, :check_number)
RETURNING id
