SELECT id FROM lockbox_imports WHERE file_hash = :hash
