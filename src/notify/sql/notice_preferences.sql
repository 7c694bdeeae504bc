-- What account :account_id chose, per kind and channel (no row: the kind's default).
SELECT kind, channel, enabled FROM notice_preferences WHERE account_id = :account_id
