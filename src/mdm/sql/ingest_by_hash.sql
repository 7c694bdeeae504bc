SELECT id, status, format, accepted, estimated, exceptions, rejected
FROM ingests WHERE content_hash = :content_hash
