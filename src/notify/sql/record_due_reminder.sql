INSERT INTO due_reminders (bill_id, reminded_on) VALUES (:bill_id, :reminded_on)
ON CONFLICT (bill_id) DO NOTHING
