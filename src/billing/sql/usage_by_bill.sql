-- The account's usage of one commodity on the bills that stood when bill :bill was released
-- (released before it, or in the same second and drafted before it; and not cancelled by then),
-- newest first: a sent bill's chart never changes, whatever is approved, cancelled or rebilled
-- after it. The bill itself always counts, even once cancelled.
SELECT b.bill_date, s.usage_milli, s.estimated
FROM bills b JOIN bill_sections s ON s.bill_id = b.id
JOIN bills this_bill ON this_bill.id = :bill
WHERE b.account_id = :account AND s.commodity = :commodity
  AND (b.id = this_bill.id
       OR (b.released_at IS NOT NULL
           AND (b.released_at < this_bill.released_at
                OR (b.released_at = this_bill.released_at AND b.id < this_bill.id))
           AND (b.cancelled_at IS NULL OR b.cancelled_at > this_bill.released_at)))
ORDER BY b.bill_date DESC LIMIT 26
