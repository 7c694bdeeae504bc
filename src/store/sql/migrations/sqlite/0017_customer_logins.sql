-- Customer logins for the portal (auth/): a login is an email address that has proved it receives
-- mail; it holds one or more accounts, matched by service address and ZIP. Passwords are argon2id
-- hashes; session and one-time link tokens are stored as SHA-256 hashes only.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),  -- lower case
  password_hash TEXT,                  -- NULL until the emailed link is used to set one
  language TEXT NOT NULL CHECK (language IN ('en', 'es')),
  verified_at TEXT,
  mfa_secret TEXT,                     -- TOTP key (hex) once enrolment is confirmed
  created_at TEXT NOT NULL
);

CREATE TABLE user_accounts (
  user_id INTEGER NOT NULL REFERENCES users (id),
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (user_id, account_id)
);
CREATE INDEX user_accounts_by_account ON user_accounts (account_id);

-- One-time links sent by email: 'verify' (sets the first password) and 'reset'.
CREATE TABLE user_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
  token_hash TEXT NOT NULL UNIQUE,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX user_tokens_by_user ON user_tokens (user_id, purpose);

CREATE TABLE user_sessions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at TEXT,
  client_address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX user_sessions_by_user ON user_sessions (user_id);

-- Every sign-in attempt, for throttling by email and by client address.
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  client_address TEXT NOT NULL,
  succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
  at TEXT NOT NULL
);
CREATE INDEX login_attempts_by_email ON login_attempts (email, at);
CREATE INDEX login_attempts_by_address ON login_attempts (client_address, at);

-- Email waiting to be sent (notify/): written in the transaction that causes it, sent after
-- commit by the dispatcher, retried until the SMTP server takes it. The body is cleared once sent
-- (it may hold a one-time link).
CREATE TABLE email_outbox (
  id INTEGER PRIMARY KEY,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at TEXT
);
CREATE INDEX email_outbox_unsent ON email_outbox (next_attempt_at) WHERE sent_at IS NULL;
