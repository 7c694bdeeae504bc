-- A check the lockbox bank deposited: posted as it is imported (no processor to ask). The bank's
-- reference stays with the lockbox item.
INSERT INTO payments (account_id, confirmation, amount_cents, status, channel, method,
                      method_label, idempotency_key, request_fingerprint, effective_on,
                      created_at, updated_at, taken_by)
VALUES (:account, :confirmation, :amount, 'pending', 'lockbox', 'check', :label, :key,
        :fingerprint, :effective_on, :created_at, :updated_at, :taken_by)
RETURNING id
