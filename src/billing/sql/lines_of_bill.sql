-- Every line of a bill, section by section in order.
SELECT l.bill_section_id, l.kind, l.description, l.quantity, l.unit, l.rate, l.amount_cents
FROM bill_lines l JOIN bill_sections s ON s.id = l.bill_section_id
WHERE s.bill_id = :bill
ORDER BY l.bill_section_id, l.position
