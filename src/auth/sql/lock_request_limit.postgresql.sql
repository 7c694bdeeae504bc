-- Serialises counting one (kind, subject) until the transaction ends, so requests sent at once
-- count each other.
SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('request limit:' || :kind || ':' || :subject))) AS locked
