-- Forgets the problems of the accounts in [:first, :last] before a chunk records its own.
DELETE FROM bill_run_problems WHERE bill_run_id = :run AND account_id BETWEEN :first AND :last
