UPDATE login_attempts SET succeeded = 1 WHERE id = :id
