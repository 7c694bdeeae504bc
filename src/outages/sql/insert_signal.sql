-- One signal that a service point lost (or regained) power.
INSERT INTO outage_signals (service_point_id, kind, report_kind, account_id, callback_phone,
                            details, occurred_at, received_at, actor, outage_id, duplicate)
VALUES (:point, :kind, :report_kind, :account, :callback_phone, :details, :occurred_at,
        :received_at, :actor, :outage, :duplicate)
RETURNING id
