-- One notice; nothing when this (event, channel, recipient) was decided already.
INSERT INTO notices (event_id, account_id, kind, channel, recipient, language, subject, email_id,
                     text_id, unsubscribe_token_hash, created_at)
VALUES (:event_id, :account_id, :kind, :channel, :recipient, :language, :subject, :email_id,
        :text_id, :unsubscribe_token_hash, :created_at)
ON CONFLICT (event_id, channel, recipient) DO NOTHING
RETURNING id
