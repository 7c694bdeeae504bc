-- Meter read exceptions opened or resolved in the instants [:start, :end).
SELECT created_at, resolved_at FROM vee_exceptions
WHERE (created_at >= :start AND created_at < :end)
   OR (resolved_at >= :start_again AND resolved_at < :end_again)
