-- What a customer chooses for an account in the portal (accounts/account_preferences.h): paper
-- or paperless bills. The contact email and phone stay on the person (persons.email, .phone).
ALTER TABLE accounts ADD COLUMN paperless INTEGER NOT NULL DEFAULT 0 CHECK (paperless IN (0, 1));
