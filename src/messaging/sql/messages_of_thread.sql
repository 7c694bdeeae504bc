-- A thread's messages, oldest first; internal notes only when :with_internal is 1.
SELECT id, from_utility, internal, actor, body, created_at FROM messages
WHERE thread_id = :thread AND (internal = 0 OR :with_internal = 1) ORDER BY id
