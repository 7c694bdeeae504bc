-- A change of a utility setting: an event about the utility (account_id NULL), with who made it.
INSERT INTO account_events (account_id, kind, occurred_at, actor, summary, details)
VALUES (NULL, 'utility.setting_changed', :occurred_at, :actor, :summary, :details)
