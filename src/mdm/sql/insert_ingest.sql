INSERT INTO ingests (content_hash, source_name, format, received_at, status)
VALUES (:content_hash, :source_name, :format, :received_at, 'running')
RETURNING id
