-- The reconciler's view: which regions each service is provisioned in, the desired manifest
-- per service and environment, its immutable revisions, what each region runs, deployments
-- and dry-run plans.

create table provisioned_service (
    name    text primary key,
    regions text not null                      -- comma-separated
);

create table desired_manifest (
    id          text primary key,              -- service/environment
    service     text not null,
    environment text not null,
    manifest    text not null,                 -- JSON
    revision    text not null,
    updated_at  timestamptz not null
);

create table revision (
    name        text primary key,
    service     text not null,
    environment text not null,
    sequence    int  not null,
    config_hash text not null,
    data        text not null,                 -- JSON of the Revision event record
    created_at  timestamptz not null,
    unique (service, environment, sequence)
);

create table region_state (
    id            text primary key,            -- service/environment/region
    service       text not null,
    environment   text not null,
    region        text not null,
    revision      text,
    action        text,
    status        text not null,               -- ABSENT | DEPLOYING | READY | FAILED
    url           text,
    traffic       text not null default '{}',  -- JSON: revision -> percent
    deployment_id text,
    reason        text,
    updated_at    timestamptz not null
);

create index region_state_by_service on region_state (service, environment);

create table deployment (
    id           text primary key,
    service      text not null,
    environment  text not null,
    revision     text not null,
    regions      text not null,                -- comma-separated regions with an action
    started_at   timestamptz not null,
    completed_at timestamptz
);

create table plan (
    id          text primary key,
    service     text not null,
    environment text not null,
    data        text not null,                 -- JSON of the DryRunPlanned event record
    created_at  timestamptz not null
);
