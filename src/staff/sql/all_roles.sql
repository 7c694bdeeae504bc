SELECT name, label, shipped FROM staff_roles ORDER BY shipped DESC, name
