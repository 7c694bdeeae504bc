-- The audit trail (audit/audit_trail.h): numbered without gaps, each record chained to the one
-- before by SHA-256, never updated or deleted. audit_head holds the last number and hash; an
-- append locks it.
CREATE TABLE audit_records (
  id BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'refused', 'failed')),
  details TEXT NOT NULL,
  client_address TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  request_id TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_records_by_actor ON audit_records (actor, id);
CREATE INDEX audit_records_by_target ON audit_records (target, id);
CREATE INDEX audit_records_by_at ON audit_records (at, id);
CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
  FOR EACH ROW EXECUTE FUNCTION reject_change_to_append_only();
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '');
