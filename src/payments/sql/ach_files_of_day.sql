SELECT COUNT(*) FROM ach_files WHERE created_on = :day
