-- Bill holds made or resolved in the instants [:start, :end).
SELECT bill_id, created_at, resolved_at FROM bill_holds
WHERE (created_at >= :start AND created_at < :end)
   OR (resolved_at >= :start_again AND resolved_at < :end_again)
