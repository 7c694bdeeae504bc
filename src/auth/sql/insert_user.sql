INSERT INTO users (email, language, created_at) VALUES (:email, :language, :created_at)
RETURNING id
