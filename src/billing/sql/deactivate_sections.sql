-- A cancelled bill's sections stop counting as billed, so their periods can be billed again.
UPDATE bill_sections SET active = 0 WHERE bill_id = :bill
