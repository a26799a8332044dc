-- How often drift correction restarted a region's revision after it died, and when it last did:
-- a revision that keeps dying is restarted after a backoff that doubles, not on every drift pass.
ALTER TABLE region_state ADD COLUMN restarts integer NOT NULL DEFAULT 0;
ALTER TABLE region_state ADD COLUMN restarted_at timestamp with time zone;
