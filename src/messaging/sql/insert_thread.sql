INSERT INTO message_threads (account_id, topic, subject, status, opened_by, opened_at,
                             last_message_at)
VALUES (:account, :topic, :subject, 'open', :opened_by, :opened_at, :last_message_at)
