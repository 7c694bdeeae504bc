-- When threads opened since :since were first answered (null: not yet).
SELECT opened_at, first_reply_at FROM message_threads WHERE opened_at >= :since
