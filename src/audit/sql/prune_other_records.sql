-- Every other record (changes: money, accounts, access) past its retention.
UPDATE audit_records
SET actor = '', target = '', details = '{}', client_address = '', user_agent = '',
    request_id = '', pruned_at = :pruned_at
WHERE pruned_at IS NULL AND at < :before
  AND action NOT IN ('staff.sign_in', 'customer.sign_in', 'staff.sign_out',
                     'staff.reauthenticate', 'access.refused', 'account.read', 'records.read')
