-- Text messages (SMS) to customers: written in the transaction that causes them, sent by the
-- outbox dispatcher after the commit (notify/text_message.h). to_number is E.164. The body is
-- cleared once the provider has the message (it may hold a one-time link); provider_id is the
-- provider's id for it. given_up_at: the provider refused it for good (an invalid number).
CREATE TABLE text_outbox (
  id INTEGER PRIMARY KEY,
  to_number TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  provider_id TEXT NOT NULL DEFAULT '',
  sent_at TEXT,
  given_up_at TEXT
);
CREATE INDEX text_outbox_unsent ON text_outbox (next_attempt_at)
  WHERE sent_at IS NULL AND given_up_at IS NULL;
