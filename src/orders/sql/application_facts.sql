-- What activating an application needs: the order, its account's status and cycle.
SELECT o.id, o.account_id, o.kind, o.status, o.service_date, a.status AS account_status,
       a.number AS account_number, a.bill_cycle
FROM service_orders o JOIN accounts a ON a.id = o.account_id
WHERE o.id = :order
