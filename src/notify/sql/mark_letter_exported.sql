-- Exported: the body (which may hold a one-time code) lives on only in the printed letter.
UPDATE letters SET exported_at = :exported_at, body = '' WHERE id = :id AND exported_at IS NULL
