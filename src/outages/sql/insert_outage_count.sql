-- The customers outage :outage leaves out, from now.
INSERT INTO outage_counts (outage_id, at, customers_out) VALUES (:outage, :at, :customers)
