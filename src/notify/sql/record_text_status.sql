UPDATE text_outbox SET delivery_status = :status, delivery_error = :error
WHERE provider_id = :provider_id AND provider_id <> ''
