-- A policy written as tenant_id = app_current_tenant() calls current_setting() and casts its text for every
-- row a scan reads: a report reading a million payment rows spent about 300 ms on that alone, and the
-- planner, which does not know the cost, chose such scans. As (SELECT app_current_tenant()) the tenant is
-- an InitPlan, evaluated once per query, and index conditions use it as before.
-- New tables write their policy the same way.
DO $$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT schemaname, tablename, policyname FROM pg_policies
             WHERE qual = '(tenant_id = app_current_tenant())' AND with_check IS NULL
    LOOP
        EXECUTE format('ALTER POLICY %I ON %I.%I USING (tenant_id = (SELECT app_current_tenant()))',
                       p.policyname, p.schemaname, p.tablename);
    END LOOP;
END $$;
