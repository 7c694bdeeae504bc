INSERT INTO accounts (number, person_id, status, bill_cycle, mail_line1, mail_line2, mail_city,
                      mail_state, mail_zip, language, opened_on, created_at)
VALUES (:number, :person_id, :status, :bill_cycle, :line1, :line2, :city, :state, :zip,
        :language, :opened_on, :created_at)
RETURNING id
