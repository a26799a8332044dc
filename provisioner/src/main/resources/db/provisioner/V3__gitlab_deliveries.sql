-- GitLab webhook deliveries: the request only records one here and answers 202; a worker then
-- reads the manifests it names and publishes. The key also deduplicates GitLab's retries for as
-- long as a row is kept (runway.gitlab.delivery-retention, at least 24 h).

create table gitlab_delivery (
    delivery_key    text primary key,   -- Idempotency-Key, X-Gitlab-Event-UUID or sha256 of the body
    event           text        not null, -- X-Gitlab-Event
    payload         text        not null,
    received_at     timestamptz not null default now(),
    state           text        not null default 'pending', -- pending | done | ignored | failed
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    lease_until     timestamptz,        -- a worker holds it until then
    outcome         text                -- what was published, or why nothing was
);

create index gitlab_delivery_due on gitlab_delivery (next_attempt_at) where state = 'pending';
create index gitlab_delivery_received on gitlab_delivery (received_at);
