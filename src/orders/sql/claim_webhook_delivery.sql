-- Takes a due delivery until :lease_until (another server passing leaves it alone; one that dies
-- holding it lets it go again then).
UPDATE webhook_deliveries SET next_attempt_at = :lease_until
WHERE id = :id AND delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
