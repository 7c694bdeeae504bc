INSERT INTO persons (name, email, phone, created_at)
VALUES (:name, :email, :phone, :created_at)
RETURNING id
