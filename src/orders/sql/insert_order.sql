INSERT INTO service_orders (account_id, kind, status, needs_visit, details, external_id,
                            idempotency_key, request_digest, requested_by, requested_at,
                            updated_at, service_point_commodity, service_date, forwarding_address,
                            premise_id)
VALUES (:account, :kind, 'received', :needs_visit, :details, :external_id, :key, :digest, :actor,
        :at, :at_again, :commodity, :service_date, :forwarding_address, :premise)
