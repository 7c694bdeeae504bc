UPDATE accounts SET paperless = :paperless WHERE id = :id
