INSERT INTO staff_users (email, name, status, created_at, created_by)
VALUES (:email, :name, 'active', :created_at, :created_by)
RETURNING id
