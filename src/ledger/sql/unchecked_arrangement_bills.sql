SELECT COUNT(*) AS unchecked_bills FROM bills
WHERE arrangement_id = :arrangement AND status = 'released' AND arrangement_checked = 0
