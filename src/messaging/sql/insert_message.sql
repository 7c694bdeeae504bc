INSERT INTO messages (thread_id, from_utility, internal, actor, body, created_at)
VALUES (:thread, :from_utility, :internal, :actor, :body, :created_at)
