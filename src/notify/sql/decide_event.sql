INSERT INTO notice_decisions (event_id, decided_at) VALUES (:event_id, :decided_at)
ON CONFLICT (event_id) DO NOTHING
