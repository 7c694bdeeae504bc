DELETE FROM canned_replies WHERE id = :id
