-- Pinned notes first, then the rest, newest first; the cursor is pinned * 2^50 + id of the last
-- note of the previous page.
SELECT id, kind, body, pinned, written_by, written_at, pinned * 1125899906842624 + id AS position
FROM account_notes
WHERE account_id = :account_id AND pinned * 1125899906842624 + id < :cursor
ORDER BY pinned DESC, id DESC
LIMIT :limit
