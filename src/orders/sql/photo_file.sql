-- Photo :id with its content and the account it belongs to.
SELECT p.id, p.account_id, a.number AS account_number, p.order_id, p.register_read_id, p.purpose,
       p.content_type, p.content_base64
FROM photos p JOIN accounts a ON a.id = p.account_id
WHERE p.id = :id
