-- The sessions with ids in [:first, :last] that are no longer live: signed out, idle since before
-- :idle_cutoff, or started before :absolute_cutoff. Times are fixed-width ISO 8601 UTC text, so
-- they compare as text.
SELECT id FROM user_sessions
WHERE id BETWEEN :first AND :last
  AND (ended_at IS NOT NULL OR last_seen_at < :idle_cutoff OR created_at < :absolute_cutoff)
