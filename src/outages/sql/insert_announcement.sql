INSERT INTO outage_announcements (outage_id, kind, restored_at, actor, created_at)
VALUES (:outage, :kind, :restored_at, :actor, :created_at)
