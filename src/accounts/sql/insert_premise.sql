INSERT INTO premises (line1, line2, city, state, zip, created_at)
VALUES (:line1, :line2, :city, :state, :zip, :created_at)
RETURNING id
