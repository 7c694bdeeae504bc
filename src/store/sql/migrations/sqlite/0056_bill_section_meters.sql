-- A section whose meter was exchanged in its period lists each meter's part: a JSON array, oldest
-- first, of {"serial", "from", "to", "start_read_milli", "end_read_milli", "usage_milli",
-- "estimated"} (reads null for an interval meter). NULL for a section billed on one meter.
ALTER TABLE bill_sections ADD COLUMN meter_legs TEXT;
