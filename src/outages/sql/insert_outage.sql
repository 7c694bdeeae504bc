-- A new outage.
INSERT INTO outages (status, cause, device_kind, device_id, planned, began_at, customers_out,
                     customers_total, created_by, created_at, updated_at)
VALUES ('reported', 'unknown', :kind, :device, 0, :began_at, :customers, :customers_again,
        :actor, :at, :at_again)
RETURNING id
