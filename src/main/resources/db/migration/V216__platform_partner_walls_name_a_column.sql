-- The partner walls (V119: "staff only", app_current_partner() IS NULL) name a column of the row. A condition without
-- one is a pseudoconstant, and a distributed PostgreSQL (Citus) on PostgreSQL 15 and 16 refuses every query that
-- spreads over shards with an outer join and a pseudoconstant ("Distributed queries with outer joins and
-- pseudoconstant quals are not supported in PG15 and PG16"): most pages' LEFT JOINs would fail. tenant_id is never
-- null, so the rule is the same.
CREATE OR REPLACE FUNCTION app_wall_off_partners(staff_table regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    policy name := (SELECT relname FROM pg_class WHERE oid = staff_table) || '_staff_only';
BEGIN
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', policy, staff_table);
    EXECUTE format('CREATE POLICY %I ON %s AS RESTRICTIVE USING (app_current_partner() IS NULL OR tenant_id IS NULL)',
                   policy, staff_table);
END $$;

-- Every wall, with the column named (ALTER keeps its command and roles). On Citus one table at a time: a policy on a
-- distributed table changes on every shard.
SET LOCAL citus.multi_shard_modify_mode = 'sequential';
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT schemaname, tablename, policyname FROM pg_policies
             WHERE schemaname = 'public' AND permissive = 'RESTRICTIVE' AND qual = '(app_current_partner() IS NULL)'
    LOOP
        EXECUTE format('ALTER POLICY %I ON %I.%I USING (app_current_partner() IS NULL OR tenant_id IS NULL)',
                       p.policyname, p.schemaname, p.tablename);
    END LOOP;
END $$;
