-- Announcement :id fanned out through account :through (and finished when :done_at is set).
UPDATE outage_announcements SET fanned_through = :through, done_at = :done_at WHERE id = :id
