-- A staff user's own home account, when they are also a customer: they may not act on it (a
-- colleague does), so no one adjusts, pays from or refunds their own account.
ALTER TABLE staff_users ADD COLUMN home_account_id BIGINT REFERENCES accounts (id);
