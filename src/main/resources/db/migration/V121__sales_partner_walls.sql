-- Partner walls on sales (see V119). A customer may be a partner organization (seed 004: the distributor's
-- customers are organizations; a sale to a person needs none). A partner user sees its organization's customer
-- record and the sales (invoices), payments and returns made to it; nothing else of the shop's selling.
ALTER TABLE customers ADD COLUMN organization_id uuid;
ALTER TABLE customers ADD CONSTRAINT customers_organization_fkey
    FOREIGN KEY (tenant_id, organization_id) REFERENCES partner_organizations (tenant_id, id);
CREATE UNIQUE INDEX customers_organization_key ON customers (tenant_id, organization_id)
    WHERE organization_id IS NOT NULL;

CREATE POLICY customers_partner ON customers AS RESTRICTIVE USING (app_partner_sees(organization_id));

-- Function calls keep the policies free of subqueries (V83). Each reads through the row-level security of the
-- table it asks (customers, then sales), so a partner's sale is one to a customer the partner may see.
CREATE FUNCTION app_partner_buys_as(customer uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM customers WHERE tenant_id = app_current_tenant() AND id = customer)
$$;
CREATE FUNCTION app_partner_bought(sale uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM sales WHERE tenant_id = app_current_tenant() AND id = sale)
$$;
GRANT EXECUTE ON FUNCTION app_partner_buys_as(uuid), app_partner_bought(uuid) TO ${app_role};

CREATE POLICY sales_partner ON sales AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_buys_as(customer_id));
CREATE POLICY sale_lines_partner ON sale_lines AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_bought(sale_id));
CREATE POLICY sale_payments_partner ON sale_payments AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_bought(sale_id));
CREATE POLICY sale_returns_partner ON sale_returns AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_bought(sale_id));

SELECT app_wall_off_partners(t) FROM unnest(ARRAY[
    'sale_return_lines', 'sale_void_requests', 'cash_sessions', 'cash_movements', 'cash_counts', 'vehicle_orders'
]::regclass[]) t;

