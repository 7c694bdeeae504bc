INSERT INTO inbound_texts (provider_id, from_number, body, action, received_at)
VALUES (:provider_id, :from_number, :body, :action, :received_at)
ON CONFLICT (provider_id) DO NOTHING
