-- Visits booked per crew in a window starting in [:from, :to) (one local day), other than order
-- :order: dispatched or further along, finished ones included (the day's time they took).
SELECT crew, COUNT(*) AS booked
FROM service_orders
WHERE window_start >= :from AND window_start < :to AND crew IS NOT NULL AND id <> :order
  AND status IN ('dispatched', 'en_route', 'on_site', 'awaiting_approval', 'completed')
GROUP BY crew
