-- A saved payment method belongs to whoever saved it (payments/saved_methods.h): a portal login
-- ("customer:42") sees and uses only its own, so a second login holding the same account can
-- never pay with, schedule from or enrol autopay with the first one's card. Staff ("staff:...")
-- see every method of the account. Methods saved before are given to the account's one login
-- when it has exactly one; otherwise to staff (their customers save them again).
ALTER TABLE payment_methods ADD COLUMN owner TEXT NOT NULL DEFAULT 'staff:unknown';
UPDATE payment_methods SET owner = 'customer:' || CAST((
    SELECT MIN(u.user_id) FROM user_accounts u WHERE u.account_id = payment_methods.account_id)
  AS TEXT)
WHERE (SELECT COUNT(*) FROM user_accounts u WHERE u.account_id = payment_methods.account_id) = 1;
DROP INDEX payment_methods_one_default;
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (account_id, owner)
  WHERE is_default = 1 AND removed_at IS NULL;
