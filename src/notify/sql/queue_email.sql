INSERT INTO email_outbox (to_address, subject, body, created_at, next_attempt_at)
VALUES (:to_address, :subject, :body, :created_at, :next_attempt_at)
RETURNING id
