SELECT id, user_id, account_id, expires_at, used_at, sent_to
FROM link_notices WHERE token_hash = :token_hash
