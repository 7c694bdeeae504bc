-- Notes staff keep on an account (accounts/account_notes.h): what a caller asked, a complaint, a
-- dispute. A note is never edited or deleted (a correction is another note); only its pin changes.
-- Each note and each pin is also an account event, so the history shows it with who did it.
CREATE TABLE account_notes (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('call', 'complaint', 'dispute', 'general')),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  written_by TEXT NOT NULL,
  written_at TEXT NOT NULL,
  -- The Idempotency-Key a client sent with it, scoped to the account and the writer
  -- (core/idempotency_key.h): a retried request gets this note back instead of a second one.
  idempotency_key TEXT UNIQUE
);
CREATE INDEX account_notes_by_account ON account_notes (account_id, pinned, id);
CREATE TRIGGER account_notes_only_the_pin_changes BEFORE UPDATE ON account_notes
WHEN NEW.id IS NOT OLD.id OR NEW.account_id IS NOT OLD.account_id OR NEW.kind IS NOT OLD.kind
  OR NEW.body IS NOT OLD.body OR NEW.written_by IS NOT OLD.written_by
  OR NEW.written_at IS NOT OLD.written_at OR NEW.idempotency_key IS NOT OLD.idempotency_key
BEGIN SELECT RAISE(ABORT, 'a note is never edited: add another note'); END;
CREATE TRIGGER account_notes_no_delete BEFORE DELETE ON account_notes
BEGIN SELECT RAISE(ABORT, 'a note is never deleted: add another note'); END;
