SELECT id, outage_id, kind, restored_at, actor, created_at, fanned_through, done_at
FROM outage_announcements WHERE id = :id
