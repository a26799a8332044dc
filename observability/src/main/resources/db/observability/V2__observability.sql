-- Objectives per service and environment, from the newest ManifestChanged.
create table objectives (
  id varchar(128) primary key,
  service varchar(63) not null,
  environment varchar(32) not null,
  availability double precision not null,
  latency_threshold_ms integer not null,
  regions text not null
);

-- Which revisions serve each region, in the order they were first deployed there, with their
-- current traffic weight: the oldest revision with traffic is the stable one, later ones canaries.
create table region_revisions (
  id varchar(300) primary key,
  service varchar(63) not null,
  environment varchar(32) not null,
  region varchar(32) not null,
  revision varchar(128) not null,
  first_seen timestamptz not null,
  weight integer not null
);

-- A row per revision and SLI that is breaching now; written with its SloBreached in one
-- transaction, deleted with its SloRecovered, so a restart neither repeats nor forgets a breach.
create table slo_breaches (
  id varchar(320) primary key,
  service varchar(63) not null,
  environment varchar(32) not null,
  region varchar(32) not null,
  revision varchar(128) not null,
  sli varchar(16) not null,
  rule varchar(32) not null,
  breached_at timestamptz not null
);

-- The deployment timeline the dashboard shows, from the events on the bus.
create table timeline (
  id bigserial primary key,
  at timestamptz not null,
  service varchar(63) not null,
  environment varchar(32),
  region varchar(32),
  kind varchar(64) not null,
  detail text not null
);
create index timeline_service_at on timeline (service, at desc);
