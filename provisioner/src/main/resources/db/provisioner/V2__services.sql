-- The provisioner's view: every service the inventory has listed, its status and resources,
-- and the history of events about it as they appeared on the bus.

create table service (
    name            text primary key,
    project_id      bigint      not null,
    regions         text        not null,           -- comma-separated, inventory order
    in_inventory    boolean     not null,
    status          text        not null,           -- requested | provisioned | failed | decommission_requested | decommissioned
    reason          text,
    service_account text,
    resources       text        not null default '[]', -- JSON array of ProvisionedResource
    updated_at      timestamptz not null default now()
);

create table service_event (
    id        bigserial primary key,
    service   text        not null,
    ce_id     text        not null unique,
    ce_type   text        not null,
    ce_source text        not null,
    ce_time   timestamptz,
    data      text        not null
);

create index service_event_by_service on service_event (service, id);
