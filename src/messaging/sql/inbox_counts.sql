-- How many threads each inbox view holds, and the oldest message not answered yet.
SELECT (SELECT COUNT(*) FROM message_threads WHERE status = 'open' AND assigned_to IS NULL)
         AS unassigned,
       (SELECT COUNT(*) FROM message_threads WHERE assigned_to = :me
          AND status IN ('open', 'waiting')) AS mine,
       (SELECT COUNT(*) FROM message_threads WHERE status = 'waiting') AS waiting,
       (SELECT COUNT(*) FROM message_threads WHERE status = 'open') AS open,
       (SELECT MIN(last_message_at) FROM message_threads WHERE status = 'open') AS oldest_open_at
