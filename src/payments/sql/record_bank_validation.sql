-- The first answer stands: an account already validated is not changed.
UPDATE bank_accounts SET validation = :validation, validation_note = :note, validated_at = :at
WHERE id = :id AND validation = 'unvalidated'
