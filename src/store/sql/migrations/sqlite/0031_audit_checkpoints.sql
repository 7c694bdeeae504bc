-- Signed checkpoints of the audit trail (audit/checkpoints.h): the number and hash of its last
-- record at a moment, signed with the utility's Ed25519 key, never updated or deleted.
CREATE TABLE audit_checkpoints (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  last_record BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
