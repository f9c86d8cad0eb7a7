-- The no-overlap guarantee on appointments is an exclusion constraint mixing "=" on tenant_id with
-- "&&" on a time range; a GiST index can only do "=" on uuid through btree_gist.
CREATE EXTENSION IF NOT EXISTS btree_gist;
