INSERT INTO audit_records (id, at, actor, action, target, outcome, details, client_address,
                           user_agent, request_id, previous_hash, hash)
VALUES (:id, :at, :actor, :action, :target, :outcome, :details, :client_address, :user_agent,
        :request_id, :previous_hash, :hash)
