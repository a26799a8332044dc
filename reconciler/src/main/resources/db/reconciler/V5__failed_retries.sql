-- How often a region's desired revision failed to deploy in a row: drift correction retries a
-- failed region after a backoff that doubles with each failure.
ALTER TABLE region_state ADD COLUMN failures integer NOT NULL DEFAULT 0;
