-- As V222: the lookup names the company as a value, so Citus can route it.

CREATE OR REPLACE FUNCTION app_partner_bought(sale uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    company uuid := app_current_tenant();
BEGIN
    RETURN EXISTS (SELECT 1 FROM sales WHERE tenant_id = company AND id = sale);
END $$;

CREATE OR REPLACE FUNCTION app_partner_buys_as(customer uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    company uuid := app_current_tenant();
BEGIN
    RETURN EXISTS (SELECT 1 FROM customers WHERE tenant_id = company AND id = customer);
END $$;

CREATE OR REPLACE FUNCTION app_partner_ordered(customer_order uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    company uuid := app_current_tenant();
BEGIN
    RETURN EXISTS (SELECT 1 FROM customer_orders WHERE tenant_id = company AND id = customer_order);
END $$;
