UPDATE staff_tokens SET used_at = :used_at WHERE id = :id AND used_at IS NULL
