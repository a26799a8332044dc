-- An event the broker refuses for good (too large, invalid) is parked, not retried: marked with
-- when and why, it stays here for an operator, and the relay goes on with the rest. Common
-- migrations are numbered 1.x and each service's 2 and up; quarkus.flyway.out-of-order lets a new
-- 1.x apply to a database that is already at a service's later version.
alter table outbox add column parked_at timestamptz;
alter table outbox add column parked_reason text;

drop index outbox_unsent;
create index outbox_unsent on outbox (id) where sent_at is null and parked_at is null;
