INSERT INTO autopay_enrolments (account_id, payment_method_id, days_before_due, enrolled_at,
                                enrolled_by)
VALUES (:account, :method, :days, :at, :by)
RETURNING id
