SELECT i.id, i.line, i.deposited_on, i.amount_cents, i.bank_reference, i.customer_reference,
       i.detail_text, i.status, i.reason, '' AS account_number, '' AS confirmation
FROM lockbox_items i
WHERE i.status = 'suspense' AND i.id > :after
ORDER BY i.id
LIMIT :limit
