-- A page of an account's events, newest first, of every kind (:every_kind = 1) or of one group: the
-- kinds that are the group itself or start with the group and a dot (:kinds_in_group, a LIKE
-- pattern with the group's underscores escaped).
SELECT id, kind, occurred_at, actor, summary, details
FROM account_events
WHERE account_id = :account_id AND id < :before_id
  AND (:every_kind = 1 OR kind = :group OR kind LIKE :kinds_in_group ESCAPE '\')
ORDER BY id DESC
LIMIT :limit
