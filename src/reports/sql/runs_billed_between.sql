-- The bill runs whose bill date is in [:from, :to], in bill date order.
SELECT id FROM bill_runs WHERE bill_date >= :from AND bill_date <= :to
ORDER BY bill_date, cycle, id
