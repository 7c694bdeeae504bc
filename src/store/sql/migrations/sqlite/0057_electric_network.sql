-- The electric network as the CIS knows it, for outages (src/outages/network.h): a substation
-- feeds feeders, a feeder feeds distribution transformers, a transformer serves the electric
-- service points near it (10-15 homes is usual). Premises carry a position (micro-degrees of
-- latitude and longitude) for the outage map's areas; NULL where it is not known.
CREATE TABLE substations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE feeders (
  id INTEGER PRIMARY KEY,
  substation_id INTEGER NOT NULL REFERENCES substations (id),
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX feeders_by_substation ON feeders (substation_id);

CREATE TABLE transformers (
  id INTEGER PRIMARY KEY,
  feeder_id INTEGER NOT NULL REFERENCES feeders (id),
  name TEXT NOT NULL UNIQUE,
  latitude_micro INTEGER,
  longitude_micro INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX transformers_by_feeder ON transformers (feeder_id);

ALTER TABLE service_points ADD COLUMN transformer_id INTEGER REFERENCES transformers (id);
CREATE INDEX service_points_by_transformer ON service_points (transformer_id);
ALTER TABLE premises ADD COLUMN latitude_micro INTEGER;
ALTER TABLE premises ADD COLUMN longitude_micro INTEGER;
