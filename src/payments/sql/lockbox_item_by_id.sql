SELECT i.id, i.line, i.deposited_on, i.amount_cents, i.bank_reference, i.customer_reference,
       i.detail_text, i.status, i.reason, COALESCE(a.number, '') AS account_number,
       COALESCE(p.confirmation, '') AS confirmation, i.item_key
FROM lockbox_items i
LEFT JOIN payments p ON p.id = i.payment_id
LEFT JOIN accounts a ON a.id = p.account_id
WHERE i.id = :id
