-- Cursor :name and the newest account event: whether there is anything after the cursor.
SELECT c.last_event_id,
       (SELECT COALESCE(MAX(e.id), 0) FROM account_events e) AS newest_event_id
FROM event_cursors c WHERE c.name = :name
