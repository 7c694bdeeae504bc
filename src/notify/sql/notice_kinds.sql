-- The notification catalog, in the order customers see it.
SELECT kind, event_kind, audience, email_default, text_default, may_turn_off,
       quiet_hours_exempt, required_while_paperless, facts_query, facts_key
FROM notice_kinds
ORDER BY position
