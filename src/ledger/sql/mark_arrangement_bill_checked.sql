UPDATE bills SET arrangement_checked = 1 WHERE id = :id
