UPDATE register_reads SET status = 'accepted', milli_units = :milli_units WHERE id = :id
