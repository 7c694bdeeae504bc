UPDATE staff_tokens SET used_at = :used_at WHERE user_id = :user_id AND used_at IS NULL
