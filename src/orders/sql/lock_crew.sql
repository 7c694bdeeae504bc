-- Takes the crew's row for the rest of the transaction, so that two dispatchers booking its last
-- visit of a day one after the other see each other's booking (PostgreSQL; SQLite has one writer).
UPDATE crews SET orders_per_day = orders_per_day WHERE name = :name
