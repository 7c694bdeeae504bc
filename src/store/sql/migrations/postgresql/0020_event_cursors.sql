-- How far each reader of the account event log that must act exactly once has read it (e.g. the
-- bill-ready emails of billing/bill_notices.h): the cursor moves in the same transaction as what
-- the events caused, so nothing is done twice or skipped across restarts.
CREATE TABLE event_cursors (
  name TEXT PRIMARY KEY,
  last_event_id BIGINT NOT NULL
);
