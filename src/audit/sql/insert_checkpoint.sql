INSERT INTO audit_checkpoints (at, last_record, last_hash, public_key, signature)
VALUES (:at, :last_record, :last_hash, :public_key, :signature)
RETURNING id
