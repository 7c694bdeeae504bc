-- The customers outage :id still leaves out; restored when none (:restored_at), else open.
UPDATE outages SET customers_out = :customers, status = :status, restored_at = :restored_at,
                   updated_at = :at
WHERE id = :id
