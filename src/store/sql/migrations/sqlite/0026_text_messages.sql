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

-- A claim may be proved by the mobile phone on file: a one-time link texted to it
-- (code_hash: the link token's digest; expires_at: a day after it was texted).
CREATE TABLE account_claims_new (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  proof TEXT NOT NULL CHECK (proof IN ('contact_email', 'bill', 'contact_phone', 'letter')),
  created_at TEXT NOT NULL,
  linked_at TEXT,
  code_hash TEXT,     -- letter: the digest of the mailed code; contact_phone: of the texted link
  expires_at TEXT,    -- letter: 30 days after it was queued; contact_phone: a day after
  wrong_codes INTEGER NOT NULL DEFAULT 0
);
INSERT INTO account_claims_new SELECT id, user_id, account_id, proof, created_at, linked_at,
  code_hash, expires_at, wrong_codes FROM account_claims;
DROP TABLE account_claims;
ALTER TABLE account_claims_new RENAME TO account_claims;
CREATE INDEX account_claims_by_user ON account_claims (user_id, account_id);
CREATE INDEX account_claims_by_code ON account_claims (code_hash);
