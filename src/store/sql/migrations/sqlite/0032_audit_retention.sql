-- Retention of the audit trail (audit/retention.h): a record past its retention keeps its number,
-- time, action, outcome and hashes (so the chain still verifies) and loses who, what to, the
-- details and where from. That is the only change the database lets anyone make to a record.
ALTER TABLE audit_records ADD COLUMN pruned_at TEXT;
DROP TRIGGER audit_records_no_update;
CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
WHEN NOT (OLD.pruned_at IS NULL AND NEW.pruned_at IS NOT NULL AND NEW.id = OLD.id
          AND NEW.at = OLD.at AND NEW.action = OLD.action AND NEW.outcome = OLD.outcome
          AND NEW.previous_hash = OLD.previous_hash AND NEW.hash = OLD.hash AND NEW.actor = ''
          AND NEW.target = '' AND NEW.details = '{}' AND NEW.client_address = ''
          AND NEW.user_agent = '' AND NEW.request_id = '')
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: a record is only ever pruned of its details once its retention ends'); END;
