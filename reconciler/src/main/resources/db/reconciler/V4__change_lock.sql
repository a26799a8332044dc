-- Images that succeeded in staging (the guard approved their promotion): the production change
-- lock lets a production change of one of them through.
CREATE TABLE staging_success (
  id text PRIMARY KEY,
  service text NOT NULL,
  image text NOT NULL,
  revision text NOT NULL,
  succeeded_at timestamptz NOT NULL
);

-- The newest held manifest change per service and environment, waiting to be released; a newer
-- change replaces it.
CREATE TABLE held_change (
  id text PRIMARY KEY,
  service text NOT NULL,
  environment text NOT NULL,
  change text NOT NULL,
  reason text NOT NULL,
  held_at timestamptz NOT NULL
);
