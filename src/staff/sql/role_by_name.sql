SELECT name, label, shipped FROM staff_roles WHERE name = :name
