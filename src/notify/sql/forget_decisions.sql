-- Decisions the cursor has passed are no longer needed.
DELETE FROM notice_decisions WHERE event_id <= :through
