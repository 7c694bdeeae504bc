-- A code works once: only a later step than the last one accepted.
UPDATE staff_users SET mfa_last_step = :step WHERE id = :id AND mfa_last_step < :step2
