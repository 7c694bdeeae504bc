-- The account of number :number and its bill cycle, for the open period so far.
SELECT id, bill_cycle FROM accounts WHERE number = :number
