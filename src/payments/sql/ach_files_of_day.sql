SELECT COUNT(*) AS files_made FROM ach_files WHERE created_on = :day
