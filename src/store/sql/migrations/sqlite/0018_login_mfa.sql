-- Two-step sign-in for customer logins (auth/totp.h): a TOTP key offered but not yet confirmed,
-- the last time step a code was accepted for (a code works once), and one-use recovery codes
-- stored as SHA-256 digests.
ALTER TABLE users ADD COLUMN mfa_pending_secret TEXT;
ALTER TABLE users ADD COLUMN mfa_last_step BIGINT NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_codes_by_user ON recovery_codes (user_id);
