-- How many active sections of the bill's agreements start at or after the end of this bill's
-- sections: a later bill, which must be corrected first.
SELECT COUNT(*) AS later_sections
FROM bill_sections mine
JOIN bill_sections later ON later.service_agreement_id = mine.service_agreement_id
  AND later.active = 1 AND later.period_start >= mine.period_end
WHERE mine.bill_id = :bill AND mine.active = 1
