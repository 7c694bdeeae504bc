-- Staff users' sign-in (staff/staff_sign_in.h): sessions for the console (cookie rp_staff,
-- stored as the token's SHA-256), the recovery codes of their two-step sign-in, and the last
-- TOTP step used (a code works once).
ALTER TABLE staff_users ADD COLUMN mfa_last_step BIGINT NOT NULL DEFAULT 0;
CREATE TABLE staff_sessions (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES staff_users (id),
  token_hash TEXT NOT NULL UNIQUE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  reauthenticated_at TEXT NOT NULL,  -- the password and a code were last given (sign-in counts)
  ended_at TEXT,
  client_address TEXT NOT NULL
);
CREATE INDEX staff_sessions_of_user ON staff_sessions (user_id) WHERE ended_at IS NULL;
CREATE TABLE staff_recovery_codes (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES staff_users (id),
  code_hash TEXT NOT NULL,
  used_at TEXT
);
