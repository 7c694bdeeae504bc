UPDATE webhook_endpoints SET active = 0 WHERE id = :id
