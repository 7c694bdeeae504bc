-- Signal :signal is part of outage :outage.
UPDATE outage_signals SET outage_id = :outage WHERE id = :signal
