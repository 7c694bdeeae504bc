-- Takes a due email for :lease_until: another server passing over the outbox leaves it alone
-- (its UPDATE finds it no longer due), and a server that dies holding it lets it go again then.
UPDATE email_outbox SET next_attempt_at = :lease_until
WHERE id = :id AND sent_at IS NULL AND next_attempt_at <= :now
