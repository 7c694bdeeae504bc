-- What voiding a payment needs beyond the payment: whether it went to the bank in an ACH file.
SELECT CASE WHEN ach_file_id IS NULL THEN 0 ELSE 1 END AS sent_to_bank
FROM payments WHERE id = :id
