-- The times of a subject's requests of a kind since a moment, newest first.
SELECT at FROM request_limits
WHERE kind = :kind AND subject = :subject AND at > :since
ORDER BY at DESC
