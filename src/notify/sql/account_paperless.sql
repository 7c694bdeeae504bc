SELECT paperless FROM accounts WHERE id = :id
