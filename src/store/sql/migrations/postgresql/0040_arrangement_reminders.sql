-- Reminders about payment arrangements (notify/due_reminders.h): a bill carrying an installment is
-- reminded of as the installment it is, and a down payment not made two days before its due date
-- is warned of once.

-- Warnings given about an arrangement, once each ('down_payment': not made yet, due soon).
CREATE TABLE arrangement_warnings (
  arrangement_id BIGINT NOT NULL REFERENCES payment_arrangements (id),
  warning TEXT NOT NULL CHECK (warning IN ('down_payment')),
  warned_on TEXT NOT NULL,
  PRIMARY KEY (arrangement_id, warning)
);

INSERT INTO notice_kinds (kind, event_kind, position, audience, email_default, text_default,
                          may_turn_off, quiet_hours_exempt, facts_query, facts_key) VALUES
  ('arrangement.installment_due', 'arrangement.installment_due', 61, 'account', 1, 1, 0, 0,
   'notify/facts/bill', 'number'),
  ('arrangement.at_risk', 'arrangement.at_risk', 63, 'account', 1, 1, 0, 0,
   'notify/facts/arrangement', 'arrangement_id');
