-- One row per rollout (service × environment × revision): the state machine's whole state as
-- JSON, plus the columns the guard queries by. A revision rolls out once; its row stays after it
-- ends, which is what keeps a rolled-back revision from being rolled out again by itself.
create table rollouts (
  id varchar(300) primary key,
  service varchar(63) not null,
  environment varchar(32) not null,
  revision varchar(128) not null,
  status varchar(16) not null,
  state text not null,
  started_at timestamptz not null,
  updated_at timestamptz not null
);
create index rollouts_active on rollouts (service, environment) where status in ('ROLLING', 'WATCHING');

-- The newest manifest per service and environment: the rollout policy a new revision follows.
create table manifests (
  id varchar(128) primary key,
  service varchar(63) not null,
  environment varchar(32) not null,
  manifest text not null
);

-- The traffic split last shifted in each region, to know which revision a rollout returns to.
create table region_traffic (
  id varchar(200) primary key,
  service varchar(63) not null,
  environment varchar(32) not null,
  region varchar(32) not null,
  weights text not null
);

-- Notifications to send to each configured webhook, written with the event that causes them and
-- sent (with retries) after the commit.
create table notifications (
  id bigserial primary key,
  url text not null,
  body text not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  sent_at timestamptz,
  last_error text
);
create index notifications_unsent on notifications (next_attempt_at) where sent_at is null;
