-- Notices to customers (notify/notices.h): a catalog of kinds, each following one kind of account
-- event; what each account chose per kind and channel; and every notice decided, once per
-- (event, channel, recipient), with the outbox message that carries it.

-- The catalog. A later capability adds its kinds by adding rows (and their template files).
CREATE TABLE notice_kinds (
  kind TEXT PRIMARY KEY,
  event_kind TEXT NOT NULL,            -- the account event that causes it
  position INTEGER NOT NULL UNIQUE,    -- the order customers see them in
  -- 'account': the contact email (and phone) on file; 'contact_change': sent only when the
  -- event's details change the email or phone ("email": {"before": ..., "after": ...}), to the
  -- contact on file and to the email before the change.
  audience TEXT NOT NULL CHECK (audience IN ('account', 'contact_change')),
  email_default INTEGER NOT NULL CHECK (email_default IN (0, 1)),
  text_default INTEGER NOT NULL CHECK (text_default IN (0, 1)),
  may_turn_off INTEGER NOT NULL CHECK (may_turn_off IN (0, 1)),  -- 0: transactional
  quiet_hours_exempt INTEGER NOT NULL CHECK (quiet_hours_exempt IN (0, 1)),
  -- 1: the email is a paperless account's bill, so it is sent whatever was chosen, carries no
  -- unsubscribe link and cannot be turned off while the account is paperless.
  required_while_paperless INTEGER NOT NULL DEFAULT 0
    CHECK (required_while_paperless IN (0, 1)),
  -- A named query adding fields for the templates ('': none), given :account_id and :key, the
  -- value of the event's detail `facts_key`.
  facts_query TEXT NOT NULL DEFAULT '',
  facts_key TEXT NOT NULL DEFAULT ''
);

INSERT INTO notice_kinds (kind, event_kind, position, audience, email_default, text_default,
                          may_turn_off, quiet_hours_exempt, facts_query, facts_key) VALUES
  ('bill.ready', 'bill.ready', 10, 'account', 1, 0, 1, 0, 'notify/facts/bill', 'number'),
  ('bill.due_soon', 'bill.due_soon', 20, 'account', 1, 0, 1, 0, 'notify/facts/bill', 'number'),
  ('payment.received', 'payment.received', 30, 'account', 1, 0, 1, 0, '', ''),
  ('payment.failed', 'payment.failed', 40, 'account', 1, 1, 0, 0, '', ''),
  ('payment.returned', 'payment.returned', 41, 'account', 1, 1, 0, 0, '', ''),
  ('payment.voided', 'payment.voided', 42, 'account', 1, 0, 0, 0, '', ''),
  ('autopay.scheduled', 'autopay.scheduled', 50, 'account', 1, 0, 1, 0, '', ''),
  ('autopay.failed', 'autopay.failed', 51, 'account', 1, 1, 0, 0, '', ''),
  ('autopay.paid', 'autopay.paid', 52, 'account', 1, 0, 1, 0, '', ''),
  ('arrangement.made', 'arrangement.made', 60, 'account', 1, 0, 1, 0, 'notify/facts/arrangement',
   'arrangement_id'),
  ('arrangement.broken', 'arrangement.broken', 62, 'account', 1, 1, 0, 0, 'notify/facts/arrangement',
   'arrangement_id'),
  ('budget.enrolled', 'budget.enrolled', 70, 'account', 1, 0, 1, 0, '', ''),
  ('budget.ended', 'budget.ended', 71, 'account', 1, 0, 1, 0, '', ''),
  ('contact.changed', 'preferences.changed', 90, 'contact_change', 1, 0, 0, 0, '', '');
UPDATE notice_kinds SET required_while_paperless = 1 WHERE kind = 'bill.ready';

-- What an account chose for a kind on a channel; no row: the kind's default.
CREATE TABLE notice_preferences (
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL REFERENCES notice_kinds (kind),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'text')),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (account_id, kind, channel)
);

-- Every notice decided: one per (event, channel, recipient), whatever the number of servers.
CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES account_events (id),
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL REFERENCES notice_kinds (kind),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'text')),
  recipient TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('en', 'es')),
  subject TEXT NOT NULL,               -- what the history of notices shows
  email_id INTEGER REFERENCES email_outbox (id),
  text_id INTEGER REFERENCES text_outbox (id),
  -- SHA-256 of the token in the notice's unsubscribe link (none for transactional kinds).
  unsubscribe_token_hash TEXT UNIQUE,
  created_at TEXT NOT NULL,
  UNIQUE (event_id, channel, recipient)
);
CREATE INDEX notices_by_account ON notices (account_id, id);

-- Events after the notices' cursor already decided: on PostgreSQL with several servers an event
-- may commit after one with a higher id, so the cursor trails the newest events by a minute and
-- these rows say which of the trailing ones are done.
CREATE TABLE notice_decisions (
  event_id INTEGER PRIMARY KEY,
  decided_at TEXT NOT NULL
);

-- The bills a due reminder was recorded for (notify/due_reminders.h): once per bill.
CREATE TABLE due_reminders (
  bill_id INTEGER PRIMARY KEY REFERENCES bills (id),
  reminded_on TEXT NOT NULL
);

-- Consent to text messages (notify/text_consent.h), append-only: the latest row for an account
-- says whether it may be texted, at which number, since when and how it was given or taken back
-- (TCPA: the wording shown, the time, the source and the client address are kept).
CREATE TABLE text_consents (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  number TEXT NOT NULL,                -- E.164
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  -- portal, staff (on the customer's word), reply (START or STOP texted back)
  source TEXT NOT NULL CHECK (source IN ('portal', 'staff', 'reply')),
  wording TEXT NOT NULL,               -- what the customer was shown, or texted
  client_address TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX text_consents_by_account ON text_consents (account_id, id);
CREATE INDEX text_consents_by_number ON text_consents (number, id);

-- Texts the utility's number received (STOP, START, HELP and anything else), as the provider
-- posted them, with what was done.
CREATE TABLE inbound_texts (
  id INTEGER PRIMARY KEY,
  provider_id TEXT NOT NULL UNIQUE,    -- a provider retrying a post is answered once
  from_number TEXT NOT NULL,
  body TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('stop', 'start', 'help', 'none')),
  received_at TEXT NOT NULL
);

-- What the provider said became of each text (its signed status callbacks).
ALTER TABLE text_outbox ADD COLUMN delivery_status TEXT NOT NULL DEFAULT '';
ALTER TABLE text_outbox ADD COLUMN delivery_error TEXT NOT NULL DEFAULT '';
CREATE INDEX text_outbox_by_provider_id ON text_outbox (provider_id);

-- An email may carry an HTML part, a one-click unsubscribe link (RFC 8058) and a Message-ID of
-- its own (the same on every attempt, so a copy sent twice reads as one).
ALTER TABLE email_outbox ADD COLUMN html_body TEXT NOT NULL DEFAULT '';
ALTER TABLE email_outbox ADD COLUMN unsubscribe_url TEXT NOT NULL DEFAULT '';
ALTER TABLE email_outbox ADD COLUMN message_key TEXT NOT NULL DEFAULT '';
