-- When the last TrafficShifted that named each revision (or changed its weight) was published: a
-- step's evidence is counted from there, so a verdict never mixes two splits.
alter table region_revisions add column weight_since timestamptz;
