-- Payments staff take: who took them (a cashier's drawer is theirs, per local day) and the check
-- number of a paper check.
ALTER TABLE payments ADD COLUMN taken_by TEXT;
ALTER TABLE payments ADD COLUMN check_number TEXT;
CREATE INDEX payments_by_taker ON payments (taken_by, effective_on);
