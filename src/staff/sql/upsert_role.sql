INSERT INTO staff_roles (name, label, shipped) VALUES (:name, :label, :shipped)
ON CONFLICT (name) DO UPDATE SET label = excluded.label, shipped = excluded.shipped
