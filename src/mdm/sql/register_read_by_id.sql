SELECT milli_units, status FROM register_reads WHERE id = :id
