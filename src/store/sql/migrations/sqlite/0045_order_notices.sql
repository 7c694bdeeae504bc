-- Service orders tell the customer how their request is going (docs/orders.md): received (what
-- was asked, for the record), scheduled (the appointment window), a crew on the way, done,
-- cancelled, and a visit that could not be done. Email by default; the window and the crew on
-- the way also by text to a number the customer agreed to.
INSERT INTO notice_kinds (kind, event_kind, position, audience, email_default, text_default,
                          may_turn_off, quiet_hours_exempt, facts_query, facts_key) VALUES
  ('order.received', 'order.received', 100, 'account', 1, 0, 1, 0, '', ''),
  ('order.scheduled', 'order.scheduled', 101, 'account', 1, 1, 1, 0, '', ''),
  ('order.en_route', 'order.en_route', 102, 'account', 0, 1, 1, 0, '', ''),
  ('order.completed', 'order.completed', 103, 'account', 1, 0, 1, 0, '', ''),
  ('order.cancelled', 'order.cancelled', 104, 'account', 1, 0, 1, 0, '', ''),
  ('order.failed', 'order.failed', 105, 'account', 1, 1, 1, 0, '', '');
