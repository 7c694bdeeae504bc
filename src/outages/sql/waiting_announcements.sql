-- Announcements not yet fanned out, oldest first.
SELECT id, outage_id, kind, restored_at, actor, created_at, fanned_through
FROM outage_announcements WHERE done_at IS NULL ORDER BY id LIMIT :limit
