-- Lockbox: the bank opens the mail, deposits the checks and sends a BAI2 file of what it deposited
-- (docs/payments.md, "Lockbox"). Each file imported once; each item in it posted once, or kept in
-- the suspense queue until staff apply it.
CREATE TABLE lockbox_imports (
  id INTEGER PRIMARY KEY,
  file_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the file: the same file is imported once
  sender TEXT NOT NULL,
  file_id TEXT NOT NULL,
  created_on TEXT NOT NULL,  -- the file's creation date
  item_count BIGINT NOT NULL,
  posted_count BIGINT NOT NULL,
  suspense_count BIGINT NOT NULL,
  total_cents BIGINT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);

CREATE TABLE lockbox_items (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES lockbox_imports (id),
  -- The bank account, deposit date and bank reference (or file and line): an item the bank
  -- sends again in another file is recognised and not posted twice.
  item_key TEXT NOT NULL UNIQUE,
  line BIGINT NOT NULL,
  deposited_on TEXT NOT NULL,
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  bank_reference TEXT NOT NULL,
  customer_reference TEXT NOT NULL,
  detail_text TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('posted', 'suspense', 'applied')),
  reason TEXT NOT NULL DEFAULT '',  -- why it is in suspense
  payment_id INTEGER REFERENCES payments (id),
  resolved_by TEXT,
  resolved_at TEXT
);
CREATE INDEX lockbox_items_by_status ON lockbox_items (status, id);
