UPDATE account_claims SET linked_at = :linked_at WHERE id = :id AND linked_at IS NULL
