INSERT INTO text_outbox (to_number, body, created_at, next_attempt_at)
VALUES (:to_number, :body, :created_at, :next_attempt_at)
RETURNING id
