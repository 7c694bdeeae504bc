-- Outages by area (docs/outages.md): water, gas and sewer have no network model, so a main break
-- or planned work names an area instead of a device: a ZIP code's streets, or a polygon of
-- positions. The outage lists the service points of that commodity in the area, found when it
-- is opened; its device is its area.
CREATE TABLE outage_areas (
  id INTEGER PRIMARY KEY,
  commodity TEXT NOT NULL CHECK (commodity IN ('electric', 'water', 'gas', 'sewer')),
  zip TEXT NOT NULL DEFAULT '',
  streets TEXT NOT NULL DEFAULT '',  -- one street a line ("Oak St"), with zip
  polygon TEXT NOT NULL DEFAULT '',  -- JSON [[latitude, longitude], ...] in degrees
  name TEXT NOT NULL,                -- as staff read it: "Water: Oak St, Elm St (97477)"
  created_at TEXT NOT NULL
);

-- Outage rows name an area's outage by its area.
DROP VIEW outage_rows;
CREATE VIEW outage_rows AS
SELECT o.id, o.status, o.cause, o.device_kind, o.device_id, o.planned, o.began_at, o.etr,
       o.etr_by, o.crew,
       o.public_note, o.customers_out, o.customers_total, o.updated_at, o.restored_at,
       COALESCE(t.name, f.name, s.name, p.line1, a.name, '') AS device_name
FROM outages o
LEFT JOIN transformers t ON o.device_kind = 'transformer' AND t.id = o.device_id
LEFT JOIN feeders f ON o.device_kind = 'feeder' AND f.id = o.device_id
LEFT JOIN substations s ON o.device_kind = 'substation' AND s.id = o.device_id
LEFT JOIN service_points sp ON o.device_kind = 'service_point' AND sp.id = o.device_id
LEFT JOIN premises p ON p.id = sp.premise_id
LEFT JOIN outage_areas a ON o.device_kind = 'area' AND a.id = o.device_id;
