-- As V222: the lookup names the company as a value, so Citus can route it.

CREATE OR REPLACE FUNCTION app_partner_runs(machine uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    company uuid := app_current_tenant();
BEGIN
    RETURN EXISTS (SELECT 1 FROM machines WHERE tenant_id = company AND id = machine);
END $$;
