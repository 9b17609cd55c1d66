-- Foreign-key checks against items ask for (tenant_id, id). While the items table is new or has no
-- statistics for a company yet (its first big import, still uncommitted), the planner prices a scan of
-- (tenant_id, category_id) on tenant_id alone as cheap as the primary key, caches that plan for the
-- connection, and every check then reads all of the company's items: imports turn quadratic.
-- Without NULL categories in it, the index cannot answer a query that does not name a category,
-- so the checks can only use the primary key. Lookups by category (category_id = ...) still use it.
DROP INDEX items_category_idx;
CREATE INDEX items_category_idx ON items (tenant_id, category_id) WHERE category_id IS NOT NULL;
