-- A possible gas leak is a safety notice: sent whatever the hour (not held through quiet hours),
-- and it cannot be turned off. Water leaks stay leak.suspected.
INSERT INTO notice_kinds (kind, event_kind, position, audience, email_default, text_default,
                          may_turn_off, quiet_hours_exempt, facts_query, facts_key) VALUES
  ('leak.gas_suspected', 'leak.gas_suspected', 82, 'account', 1, 1, 0, 1, '', '');
