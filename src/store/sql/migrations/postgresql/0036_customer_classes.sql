-- Each rate plan serves one customer class, by which reports group accounts (an account is of
-- the class of its first service agreement's rate plan). Plans already named "Commercial ..."
-- are commercial; every other plan starts residential and is changed with its definition.
ALTER TABLE rate_plans ADD COLUMN customer_class TEXT NOT NULL DEFAULT 'residential'
  CHECK (customer_class IN ('residential', 'commercial', 'industrial', 'other'));
UPDATE rate_plans SET customer_class = 'commercial' WHERE name LIKE 'Commercial%';
