-- Partner walls on inventory (see V119): a partner user sees, and moves, stock only in its organization's own
-- warehouses; the company's warehouses, transit and everything about them are the staff's.

-- Whether the location is one of the current partner's warehouses. A function call keeps the policies free of
-- subqueries (V83); it is only evaluated for a partner user, as staff pass on app_current_partner() IS NULL.
CREATE FUNCTION app_partner_holds(location uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM locations
                   WHERE tenant_id = app_current_tenant() AND id = location
                     AND organization_id = app_current_partner())
$$;
GRANT EXECUTE ON FUNCTION app_partner_holds(uuid) TO ${app_role};

CREATE POLICY locations_partner ON locations AS RESTRICTIVE USING (app_partner_sees(organization_id));

-- Stock: the staff's location rules (V96) stay as they are; a partner user is let in by its own permissive policy
-- and kept to its warehouses by the restrictive one.
CREATE POLICY stock_levels_partner_access ON stock_levels
    USING (tenant_id = app_current_tenant() AND app_current_partner() IS NOT NULL);
CREATE POLICY stock_levels_partner ON stock_levels AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_holds(location_id));
CREATE POLICY stock_ledger_partner_access ON stock_ledger
    USING (tenant_id = app_current_tenant() AND app_current_partner() IS NOT NULL);
CREATE POLICY stock_ledger_partner ON stock_ledger AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_holds(location_id));
-- A partner's consumption may raise a low-stock alert at its own warehouse.
CREATE POLICY low_stock_alerts_partner ON low_stock_alerts AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_holds(location_id));

SELECT app_wall_off_partners(t) FROM unnest(ARRAY[
    'user_locations', 'stock_adjustments', 'stock_adjustment_lines', 'stock_counts', 'stock_count_lines',
    'request_cart_items', 'transfer_request_counters', 'transfer_requests', 'transfer_request_lines',
    'transfer_request_trace', 'alert_subscriptions', 'stock_import_jobs', 'stock_import_errors'
]::regclass[]) t;

-- The locations a partner user works at are its organization's warehouses (the locations policy keeps the rest out).
CREATE OR REPLACE FUNCTION app_visible_locations() RETURNS SETOF uuid
    LANGUAGE sql STABLE
AS $$
    SELECT id FROM locations
    WHERE tenant_id = app_current_tenant() AND (app_sees_all_locations() OR app_current_partner() IS NOT NULL)
    UNION
    SELECT location_id FROM user_locations WHERE tenant_id = app_current_tenant() AND user_id = app_current_user()
    UNION
    SELECT id FROM locations WHERE tenant_id = app_current_tenant() AND kind = 'transit'
$$;
