-- Outage :outage taken into :into: merged; its signals and dark points go with it.
UPDATE outages SET status = 'merged', merged_into = :into, customers_out = 0, updated_at = :at
WHERE id = :outage
