-- What an off-cycle final bill needs of its account: the bill cycle, and the bill just written.
SELECT a.bill_cycle,
       (SELECT b.id FROM bills b WHERE b.account_id = a.id AND b.bill_run_id IS NULL
          AND b.final = 1 AND b.status <> 'cancelled' ORDER BY b.id DESC LIMIT 1) AS final_bill_id,
       (SELECT b.status FROM bills b WHERE b.account_id = a.id AND b.bill_run_id IS NULL
          AND b.final = 1 AND b.status <> 'cancelled' ORDER BY b.id DESC LIMIT 1) AS final_status
FROM accounts a WHERE a.id = :account
