-- For each section of bill :bill, the active section of the same agreement that starts where it
-- ends (a later bill's), with the dial read that later section started from.
SELECT mine.service_agreement_id, mine.end_read_milli, later.start_read_milli,
       later_bill.number AS later_bill_number, later_bill.id AS later_bill_id
FROM bill_sections mine
JOIN bill_sections later ON later.service_agreement_id = mine.service_agreement_id
  AND later.active = 1 AND later.period_start = mine.period_end
JOIN bills later_bill ON later_bill.id = later.bill_id
WHERE mine.bill_id = :bill AND mine.active = 1
