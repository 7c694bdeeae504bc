INSERT INTO staff_sessions (user_id, token_hash, csrf_token, created_at, last_seen_at,
                            reauthenticated_at, client_address)
VALUES (:user_id, :token_hash, :csrf_token, :created_at, :last_seen_at, :reauthenticated_at,
        :client_address)
RETURNING id
