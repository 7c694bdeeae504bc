INSERT INTO link_notices (user_id, account_id, sent_to, token_hash, expires_at)
VALUES (:user_id, :account_id, :sent_to, :token_hash, :expires_at)
