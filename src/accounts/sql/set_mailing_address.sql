UPDATE accounts SET mail_line1 = :line1, mail_line2 = :line2, mail_city = :city,
                    mail_state = :state, mail_zip = :zip
WHERE id = :id
