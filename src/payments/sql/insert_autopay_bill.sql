INSERT INTO autopay_bills (bill_id, enrolment_id, charge_on, status, amount_cents, updated_at)
VALUES (:bill, :enrolment, :charge_on, 'scheduled', :amount, :at)
