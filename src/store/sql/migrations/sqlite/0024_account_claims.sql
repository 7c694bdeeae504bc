-- A login's claim to hold an account (auth/account_claims.h): made when a customer names an
-- account's service address, linked only once they prove they hold it (the email on file, a
-- fact printed only on its bills, or a code mailed to the service address).
CREATE TABLE account_claims (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  proof TEXT NOT NULL CHECK (proof IN ('contact_email', 'bill', 'letter')),
  created_at TEXT NOT NULL,
  linked_at TEXT,
  code_hash TEXT,     -- letter: the digest of the mailed code
  expires_at TEXT,    -- letter: 30 days after it was queued
  wrong_codes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX account_claims_by_user ON account_claims (user_id, account_id);

-- Letters for the print-and-mail export (ratepayer letters export): what must reach a service
-- or mailing address on paper. The body is cleared once exported (it may hold a code).
CREATE TABLE letters (
  id INTEGER PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL,        -- account-link-code
  recipient TEXT NOT NULL,   -- the name on the account
  address TEXT NOT NULL,     -- the address lines, separated by newlines
  language TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  exported_at TEXT
);

-- "This wasn't me": each notice of a new link carries a one-time token that undoes it.
CREATE TABLE link_notices (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  sent_to TEXT NOT NULL,     -- the address the notice went to: who "this wasn't me" speaks for
  token_hash TEXT NOT NULL UNIQUE,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
