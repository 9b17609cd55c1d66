-- The organization tree is read by a query that names the company in both halves of its recursion
-- (PartnerOrganizations.hierarchy): Citus runs a recursive query only when it stays on one shard, and a view cannot
-- take the company as a constant.
DROP VIEW partner_organization_hierarchy;
