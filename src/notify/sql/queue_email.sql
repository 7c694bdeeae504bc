INSERT INTO email_outbox (to_address, subject, body, html_body, unsubscribe_url, message_key,
                          created_at, next_attempt_at)
VALUES (:to_address, :subject, :body, :html_body, :unsubscribe_url, :message_key, :created_at,
        :next_attempt_at)
RETURNING id
