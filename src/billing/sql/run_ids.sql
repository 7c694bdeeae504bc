SELECT id FROM bill_runs WHERE id < :before ORDER BY id DESC LIMIT :limit
