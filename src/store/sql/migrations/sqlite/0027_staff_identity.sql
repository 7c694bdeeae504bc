-- Staff identity (staff/): who works at the utility, what their roles let them do, and the API
-- keys integrations call with. Records name who made and disabled them by actor
-- ("staff:3", "api_key:2", "system:cli").
CREATE TABLE staff_roles (
  name TEXT PRIMARY KEY,          -- "billing_clerk"
  label TEXT NOT NULL,            -- "Billing clerk"
  shipped INTEGER NOT NULL DEFAULT 0  -- 1: Ratepayer's, rewritten on every start
);
CREATE TABLE staff_role_permissions (
  role TEXT NOT NULL REFERENCES staff_roles (name),
  permission TEXT NOT NULL,
  PRIMARY KEY (role, permission)
);
CREATE TABLE staff_users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,     -- lower case
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
  password_hash TEXT NOT NULL DEFAULT '',  -- argon2id; empty until the first password is set
  mfa_secret TEXT NOT NULL DEFAULT '',     -- TOTP; required before the first sign-in
  mfa_confirmed_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  disabled_at TEXT,
  disabled_by TEXT
);
CREATE TABLE staff_user_roles (
  user_id BIGINT NOT NULL REFERENCES staff_users (id),
  role TEXT NOT NULL REFERENCES staff_roles (name),
  PRIMARY KEY (user_id, role)
);
-- One-time links: set the first password (and enrol two-step sign-in).
CREATE TABLE staff_tokens (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES staff_users (id),
  purpose TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  public_id TEXT NOT NULL UNIQUE,  -- the part of the key before its secret, shown in lists
  secret_hash TEXT NOT NULL,
  permissions TEXT NOT NULL,       -- space-separated
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  last_used_at TEXT,
  expires_at TEXT,                 -- set when rotated: the old key works until then
  revoked_at TEXT,
  revoked_by TEXT,
  replaced_by BIGINT REFERENCES api_keys (id)
);
