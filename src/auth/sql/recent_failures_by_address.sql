SELECT at FROM login_attempts
WHERE client_address = :client_address AND succeeded = 0 AND at > :since
ORDER BY at DESC
