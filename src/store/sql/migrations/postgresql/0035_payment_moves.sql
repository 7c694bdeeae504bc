-- Moving a misapplied payment to the right account (payments/payment_moves.h): the payment
-- becomes 'moved' and links to the new payment that carries it; the new one links back.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
  CHECK (status IN ('pending', 'posted', 'failed', 'returned', 'refunded', 'voided', 'moved'));
ALTER TABLE payments ADD COLUMN moved_from_payment_id BIGINT REFERENCES payments (id);
ALTER TABLE payments ADD COLUMN moved_to_payment_id BIGINT REFERENCES payments (id);
ALTER TABLE payments ADD COLUMN moved_at TEXT;
ALTER TABLE payments ADD COLUMN move_reason TEXT;
