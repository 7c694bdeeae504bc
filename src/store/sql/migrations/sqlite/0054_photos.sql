-- Photos (orders/photos.h): a technician's of a dial, a site or why a visit failed, kept with
-- the service order; a customer's of the dial, kept with the reading they sent. Images only,
-- checked by content, 5 MB at most; the same image sent twice is kept once.
CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  order_id INTEGER REFERENCES service_orders (id),
  register_read_id INTEGER REFERENCES register_reads (id),
  purpose TEXT NOT NULL CHECK (purpose IN ('reading', 'site', 'failure', 'dial')),
  content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/gif',
                                                     'image/webp')),
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  taken_by TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  CHECK ((order_id IS NULL) <> (register_read_id IS NULL))
);
CREATE UNIQUE INDEX photos_once_per_order ON photos (order_id, sha256) WHERE order_id IS NOT NULL;
CREATE UNIQUE INDEX photos_one_per_read ON photos (register_read_id)
  WHERE register_read_id IS NOT NULL;
CREATE INDEX photos_by_account ON photos (account_id, id);
