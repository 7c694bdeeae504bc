SELECT id FROM premises WHERE line1 = :line1 AND line2 = :line2 AND zip = :zip ORDER BY id LIMIT 1
