-- An event about the utility rather than one account (account_id NULL).
INSERT INTO account_events (account_id, kind, occurred_at, actor, summary, details)
VALUES (NULL, :kind, :occurred_at, :actor, :summary, :details)
