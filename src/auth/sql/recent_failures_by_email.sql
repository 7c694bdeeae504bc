-- Failed sign-ins for the email since its last success, within the window, newest first.
SELECT at FROM login_attempts
WHERE email = :email AND succeeded = 0 AND at > :since
  AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE email = :email2 AND succeeded = 1), '')
ORDER BY at DESC
