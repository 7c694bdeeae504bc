INSERT INTO account_claims (user_id, account_id, proof, created_at)
VALUES (:user_id, :account_id, :proof, :created_at)
RETURNING id
