-- Field crews the dispatcher books (orders/crews.h): how many visits each takes in a day. An
-- order's crew is its name; a crew named on an order but not listed here has no limit.
CREATE TABLE crews (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  orders_per_day INTEGER NOT NULL CHECK (orders_per_day BETWEEN 1 AND 200),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
