INSERT INTO canned_replies (title, language, body, changed_by, changed_at)
VALUES (:title, :language, :body, :changed_by, :changed_at)
ON CONFLICT (title, language) DO UPDATE SET body = excluded.body,
  changed_by = excluded.changed_by, changed_at = excluded.changed_at
