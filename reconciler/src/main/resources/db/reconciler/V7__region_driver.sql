-- Which reconciler replica is carrying out a deploying region's work: another replica drives the
-- region again only once that one's replica lease (in the lease table) has expired.
ALTER TABLE region_state ADD COLUMN driver text;
