INSERT INTO outage_areas (commodity, zip, streets, polygon, name, created_at)
VALUES (:commodity, :zip, :streets, :polygon, :name, :created_at)
RETURNING id
