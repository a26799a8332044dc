-- A revision rolled back in a region is kept off it until a different revision is desired.
ALTER TABLE region_state ADD COLUMN quarantined text;
ALTER TABLE region_state ADD COLUMN quarantine_reason text;
