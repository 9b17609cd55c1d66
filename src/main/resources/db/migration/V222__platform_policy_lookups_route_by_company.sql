-- The policies' helpers that look a parent row up become PL/pgSQL with the company in a variable. As SQL functions
-- they were inlined with app_current_tenant() in the lookup, which Citus cannot route: on a worker, in a policy on a
-- shard, the lookup went to every shard ("could not create distributed plan"). With the company as a value, the
-- lookup goes to the colocated shard on the same node. The lookups still read through the parent table's own
-- row-level security.

CREATE OR REPLACE FUNCTION app_partner_colleague(person uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    company uuid := app_current_tenant();
BEGIN
    RETURN EXISTS (SELECT 1 FROM users WHERE tenant_id = company AND id = person AND organization_id = app_current_partner());
END $$;
