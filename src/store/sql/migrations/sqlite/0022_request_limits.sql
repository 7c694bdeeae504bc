-- Requests that send email or link accounts, counted per email, account and client address over
-- a sliding window (auth/request_limits.h), so no one can mail-bomb an address or try account
-- after account. Rows older than a day are deleted as new ones come.
CREATE TABLE request_limits (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,     -- "sign-up per email", ...
  subject TEXT NOT NULL,  -- the email, the account number, the client address
  at TEXT NOT NULL
);
CREATE INDEX request_limits_by_subject ON request_limits (kind, subject, at);
