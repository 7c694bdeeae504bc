SELECT 1 AS sent FROM notices WHERE event_id = :event_id AND channel = :channel
  AND recipient = :recipient
