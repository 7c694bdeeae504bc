SELECT line, reason, text FROM read_rejects WHERE ingest_id = :ingest_id ORDER BY line LIMIT :limit
