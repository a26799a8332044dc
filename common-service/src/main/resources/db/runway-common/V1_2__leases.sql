-- Leases let replicas of one service share work that must run once at a time: a named lease is
-- held by one process until it expires or is released (see dev.runway.service.lease.Leases).
-- Times are the database's clock (clock_timestamp()), so replicas' clocks never have to agree.
create table lease (
    name       text        primary key,
    holder     text        not null,
    expires_at timestamptz not null
);
