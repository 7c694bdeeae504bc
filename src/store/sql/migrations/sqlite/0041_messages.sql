-- Two-way messaging (messaging/threads.h): a customer writes to the utility from the portal, staff
-- answer from the console's inbox. A thread belongs to one account and is part of its history.

CREATE TABLE message_threads (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  topic TEXT NOT NULL CHECK (topic IN ('bill', 'payment', 'usage', 'service', 'other')),
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 120),
  -- open: waiting on the utility; waiting: on the customer (staff answered); closed.
  status TEXT NOT NULL CHECK (status IN ('open', 'waiting', 'closed')),
  assigned_to TEXT,                    -- the staff actor ("staff:12"); null: unassigned
  opened_by TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  last_message_at TEXT NOT NULL,
  first_reply_at TEXT,                 -- the utility's first answer: the response-time figures
  closed_at TEXT,
  bill_id INTEGER REFERENCES bills (id),
  payment_id INTEGER REFERENCES payments (id)
);
CREATE INDEX message_threads_by_account ON message_threads (account_id, last_message_at, id);
CREATE INDEX message_threads_by_status ON message_threads (status, last_message_at, id);
CREATE INDEX message_threads_by_assignee ON message_threads (assigned_to, status, last_message_at, id);

-- A thread as lists and pages show it: with its account, customer and links.
CREATE VIEW message_thread_rows AS
SELECT t.id, t.account_id, a.number AS account_number, p.name AS customer_name, t.topic, t.subject,
       t.status, t.assigned_to, t.opened_at, t.last_message_at, t.first_reply_at,
       b.number AS bill_number, y.confirmation AS payment_confirmation
FROM message_threads t
JOIN accounts a ON a.id = t.account_id
JOIN persons p ON p.id = a.person_id
LEFT JOIN bills b ON b.id = t.bill_id
LEFT JOIN payments y ON y.id = t.payment_id;

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  thread_id INTEGER NOT NULL REFERENCES message_threads (id),
  from_utility INTEGER NOT NULL CHECK (from_utility IN (0, 1)),
  internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),  -- a staff note, never shown to the customer
  actor TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX messages_by_thread ON messages (thread_id, id);

-- Files a customer attaches (images or PDF, 5 MB at most, type checked by content), uploaded
-- first and then sent with a message; served back only as downloads.
CREATE TABLE message_attachments (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  message_id INTEGER REFERENCES messages (id),   -- null until sent with a message
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/gif',
                                                     'image/webp', 'application/pdf')),
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX message_attachments_by_message ON message_attachments (message_id);

-- Replies staff keep for common questions, in the customer's language.
CREATE TABLE canned_replies (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
  language TEXT NOT NULL CHECK (language IN ('en', 'es')),
  body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  UNIQUE (title, language)
);

INSERT INTO notice_kinds (kind, event_kind, position, audience, email_default, text_default,
                          may_turn_off, quiet_hours_exempt, facts_query, facts_key) VALUES
  ('message.new', 'message.replied', 95, 'account', 1, 0, 0, 0, '', '');
