-- The held reads whose exceptions order :order read again: set aside (never billed).
UPDATE register_reads SET status = 'rejected'
WHERE status = 'held'
  AND id IN (SELECT e.register_read_id FROM vee_exceptions e
             WHERE e.reread_order_id = :order AND e.status = 'open')
