-- Links exception :id to the re-read order :order asked for it.
UPDATE vee_exceptions SET reread_order_id = :order WHERE id = :id AND reread_order_id IS NULL
