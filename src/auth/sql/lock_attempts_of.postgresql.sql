-- Serialises password attempts on one email and one client address until the transaction ends,
-- so concurrent attempts count each other before any is checked (always email first, then
-- address: no two transactions wait on each other in a cycle).
SELECT 1 FROM (
  SELECT pg_advisory_xact_lock(hashtext('sign-in email:' || :email)),
         pg_advisory_xact_lock(hashtext('sign-in address:' || :client_address))
) AS locked
