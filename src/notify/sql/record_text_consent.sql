INSERT INTO text_consents (account_id, number, granted, source, wording, client_address, actor, at)
VALUES (:account_id, :number, :granted, :source, :wording, :client_address, :actor, :at)
