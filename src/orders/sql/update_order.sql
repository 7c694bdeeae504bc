-- Moves the order from :from_status (nothing when another move came first).
UPDATE service_orders SET status = :status, window_start = :window_start, window_end = :window_end,
                          crew = :crew, failure_reason = :failure_reason, updated_at = :at
WHERE id = :id AND status = :from_status
