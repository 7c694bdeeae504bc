UPDATE webhook_deliveries SET delivered_at = :at, attempts = attempts + 1, last_error = ''
WHERE id = :id
