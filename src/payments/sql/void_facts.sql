-- What voiding a payment needs beyond the payment: whether it went to the bank in an ACH file,
-- and whether it carries a payment moved from another account.
SELECT CASE WHEN ach_file_id IS NULL THEN 0 ELSE 1 END AS sent_to_bank,
       CASE WHEN moved_from_payment_id IS NULL THEN 0 ELSE 1 END AS moved_in
FROM payments WHERE id = :id
