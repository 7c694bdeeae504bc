SELECT id, title, language, body, changed_by, changed_at FROM canned_replies
ORDER BY language, title
