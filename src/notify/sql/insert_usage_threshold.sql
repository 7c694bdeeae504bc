INSERT INTO usage_thresholds (account_id, basis, amount_cents, percent, set_by, set_at)
VALUES (:account, :basis, :amount_cents, :percent, :set_by, :set_at)
