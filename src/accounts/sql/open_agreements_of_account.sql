-- An account's agreements with no end date, with how far each is billed (the end of its latest
-- active bill section, the first day not billed; NULL when never billed).
SELECT sa.id, sp.commodity, sa.start_date,
       (SELECT MAX(s.period_end) FROM bill_sections s
        WHERE s.service_agreement_id = sa.id AND s.active = 1) AS billed_until
FROM service_agreements sa
JOIN service_points sp ON sp.id = sa.service_point_id
WHERE sa.account_id = :account AND sa.end_date IS NULL
ORDER BY sa.id
