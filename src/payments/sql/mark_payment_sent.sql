UPDATE payments SET ach_file_id = :file, ach_trace_number = :trace WHERE id = :id
