-- The transactional outbox and the consumer inbox every Runway service keeps in its own
-- schema (Flyway sets the search path to it). See docs/adr/0002-outbox-and-inbox.md.

create table outbox (
    id          bigserial primary key,
    topic       text        not null,
    record_key  text        not null,
    ce_id       text        not null unique,
    ce_type     text        not null,
    ce_source   text        not null,
    ce_time     timestamptz not null,
    ce_subject  text        not null,
    payload     bytea       not null,
    traceparent text,
    tracestate  text,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);

-- The relay reads only what is unsent, in commit order.
create index outbox_unsent on outbox (id) where sent_at is null;

-- Wake the relay as soon as a transaction that wrote to the outbox commits; NOTIFY is
-- delivered only on commit, so the relay never sees a row that might roll back.
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('runway_outbox_' || tg_table_schema, '');
    return null;
end;
$$;

create trigger outbox_notify after insert on outbox
    for each statement execute function outbox_notify();

create table inbox (
    consumer   text        not null,
    ce_id      text        not null,
    ce_type    text        not null,
    handled_at timestamptz not null default now(),
    primary key (consumer, ce_id)
);
