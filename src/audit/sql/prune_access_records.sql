-- Sign-ins, sign-outs, re-authentication, refusals and reads past their retention.
UPDATE audit_records
SET actor = '', target = '', details = '{}', client_address = '', user_agent = '',
    request_id = '', pruned_at = :pruned_at
WHERE pruned_at IS NULL AND at < :before
  AND action IN ('staff.sign_in', 'customer.sign_in', 'staff.sign_out', 'staff.reauthenticate',
                 'access.refused', 'account.read', 'records.read')
