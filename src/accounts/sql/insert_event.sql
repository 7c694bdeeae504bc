INSERT INTO account_events (account_id, kind, occurred_at, actor, summary, details)
VALUES (:account_id, :kind, :occurred_at, :actor, :summary, :details)
RETURNING id
