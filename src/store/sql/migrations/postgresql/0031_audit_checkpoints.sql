-- Signed checkpoints of the audit trail (audit/checkpoints.h): the number and hash of its last
-- record at a moment, signed with the utility's Ed25519 key, never updated or deleted.
CREATE TABLE audit_checkpoints (
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  last_record BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  public_key TEXT NOT NULL,
  signature TEXT NOT NULL
);
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION reject_change_to_append_only();
