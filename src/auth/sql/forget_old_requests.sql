DELETE FROM request_limits WHERE kind = :kind AND subject = :subject AND at < :before
