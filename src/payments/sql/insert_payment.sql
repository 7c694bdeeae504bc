INSERT INTO payments (account_id, confirmation, amount_cents, status, channel, method,
                      method_label, token, idempotency_key, request_fingerprint, effective_on,
                      created_at, updated_at, taken_by)
VALUES (:account, :confirmation, :amount, 'pending', :channel, :method, :label, :token, :key,
        :fingerprint, :effective_on, :created_at, :updated_at, :taken_by)
RETURNING id
