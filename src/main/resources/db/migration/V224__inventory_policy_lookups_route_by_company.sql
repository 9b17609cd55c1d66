-- As V222: the lookup names the company as a value, so Citus can route it.

CREATE OR REPLACE FUNCTION app_partner_holds(location uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    company uuid := app_current_tenant();
BEGIN
    RETURN EXISTS (SELECT 1 FROM locations WHERE tenant_id = company AND id = location AND organization_id = app_current_partner());
END $$;

CREATE OR REPLACE FUNCTION app_sees_adjustment(adjustment uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    company uuid := app_current_tenant();
BEGIN
    RETURN EXISTS (SELECT 1 FROM stock_adjustments WHERE tenant_id = company AND id = adjustment);
END $$;
