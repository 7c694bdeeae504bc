-- The notice an unsubscribe link came in, with its account and kind.
SELECT n.id, n.account_id, n.kind, n.channel, n.language, a.number, k.may_turn_off
FROM notices n
JOIN accounts a ON a.id = n.account_id
JOIN notice_kinds k ON k.kind = n.kind
WHERE n.unsubscribe_token_hash = :token_hash
