-- A high-usage alert, once per threshold per period: a second run records nothing.
INSERT INTO usage_alerts (account_id, threshold_id, basis, period_start, found_on, so_far_cents,
                          projected_cents, estimated)
VALUES (:account, :threshold, :basis, :period_start, :found_on, :so_far_cents, :projected_cents,
        :estimated)
ON CONFLICT (threshold_id, period_start) DO NOTHING
