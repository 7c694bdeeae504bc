-- A possible leak; nothing when one is already open on the service point or this day was judged.
INSERT INTO leak_alerts (account_id, service_point_id, commodity, meter, unit, kind, found_on,
                         least_per_hour_milli, use_per_day_milli, usual_per_day_milli, created_at)
VALUES (:account, :service_point, :commodity, :meter, :unit, :kind, :found_on, :least_per_hour,
        :use_per_day, :usual_per_day, :created_at)
ON CONFLICT DO NOTHING
