INSERT INTO request_limits (kind, subject, at) VALUES (:kind, :subject, :at)
