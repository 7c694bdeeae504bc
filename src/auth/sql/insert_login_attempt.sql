INSERT INTO login_attempts (email, client_address, succeeded, at)
VALUES (:email, :client_address, :succeeded, :at)
RETURNING id
