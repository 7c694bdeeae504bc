INSERT INTO outage_subscriptions (account_id, premise_id, created_by, created_at)
VALUES (:account_id, :premise_id, :created_by, :created_at)
ON CONFLICT (account_id, premise_id) DO NOTHING
