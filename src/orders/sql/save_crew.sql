-- Lists crew :name with its visits a day and whether it is working, or changes it.
INSERT INTO crews (name, orders_per_day, active, changed_by, changed_at)
VALUES (:name, :orders_per_day, :active, :changed_by, :changed_at)
ON CONFLICT (name) DO UPDATE SET orders_per_day = excluded.orders_per_day,
  active = excluded.active, changed_by = excluded.changed_by, changed_at = excluded.changed_at
