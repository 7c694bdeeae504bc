UPDATE lockbox_imports
SET item_count = :items, posted_count = :posted, suspense_count = :suspense, total_cents = :total
WHERE id = :id
