UPDATE bank_accounts SET validation = 'invalid', validation_note = :note, validated_at = :at
WHERE token = :token
