-- The stock tables' location rules as function calls: Citus refuses a policy holding a subquery on a distributed
-- table. Same rule as V96/V120: a user with no user set (a job) sees every location; a holder of
-- inventory.all_locations (directly or through '*', 'inventory.*' or '*.all_locations') too; anyone else the
-- locations they work at (user_locations) and the company's in-transit location.
--
-- Speed: V96's policy evaluated the permission once per query (an InitPlan) and the rest as subplans; a function
-- called for every row that runs those queries made a read of 80,000 levels 15 times slower. So the rule is worked
-- out once and kept for the rest of the transaction in app.location_rule ('*' or the visible location ids, for the
-- user in app.location_rule_user); app_sees_location() is an inlined SQL expression that only reads it, and calls
-- app_location_rule_allows() only when it is not there yet. A change to the rule's inputs (roles, user roles,
-- locations, user locations) forgets it (app_forget_location_rule, V195 and below), so a location made in the same
-- transaction (transit, on a first dispatch) is seen at once.

-- Works the current user's rule out, keeps it, and answers for one location.
CREATE FUNCTION app_location_rule_allows(location uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    rule text;
BEGIN
    IF EXISTS (SELECT 1 FROM platform_user_permissions p
               WHERE p.tenant_id = app_current_tenant() AND p.user_id = app_current_user()
                 AND p.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[]) THEN
        rule := '*';
    ELSE
        SELECT coalesce(string_agg(v.id::text, ','), '') INTO rule FROM (
            SELECT ul.location_id AS id FROM user_locations ul
            WHERE ul.tenant_id = app_current_tenant() AND ul.user_id = app_current_user()
            UNION
            SELECT t.id FROM locations t WHERE t.tenant_id = app_current_tenant() AND t.kind = 'transit') v;
    END IF;
    PERFORM set_config('app.location_rule', rule, true);
    -- A user id names its company too.
    PERFORM set_config('app.location_rule_user', current_setting('app.user_id', true), true);
    RETURN rule = '*' OR strpos(rule, location::text) > 0;
END $$;

-- Whether the current user may see and move stock at the location (the policies' rule). Inlined into the policy: a
-- few setting reads a row once the rule is kept.
CREATE FUNCTION app_sees_location(location uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT app_current_user() IS NULL OR CASE
        WHEN current_setting('app.location_rule_user', true) = current_setting('app.user_id', true)
        THEN current_setting('app.location_rule', true) = '*'
             OR strpos(current_setting('app.location_rule', true), location::text) > 0
        ELSE app_location_rule_allows(location)
    END
$$;

-- Through the adjustment's own row-level security (its location), as V122 does for machine readings.
CREATE FUNCTION app_sees_adjustment(adjustment uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM stock_adjustments WHERE tenant_id = app_current_tenant() AND id = adjustment)
$$;
GRANT EXECUTE ON FUNCTION app_location_rule_allows(uuid), app_sees_location(uuid),
    app_sees_adjustment(uuid) TO ${app_role};

ALTER POLICY stock_levels_tenant ON stock_levels
    USING (tenant_id = app_current_tenant() AND app_sees_location(location_id));
ALTER POLICY stock_ledger_tenant ON stock_ledger
    USING (tenant_id = app_current_tenant() AND app_sees_location(location_id));
ALTER POLICY stock_adjustments_tenant ON stock_adjustments
    USING (tenant_id = app_current_tenant() AND app_sees_location(location_id));
ALTER POLICY stock_adjustment_lines_tenant ON stock_adjustment_lines
    USING (tenant_id = app_current_tenant() AND app_sees_adjustment(adjustment_id));

CREATE TRIGGER locations_forget_location_rule AFTER INSERT OR UPDATE OR DELETE ON locations
    FOR EACH STATEMENT EXECUTE FUNCTION app_forget_location_rule();
CREATE TRIGGER user_locations_forget_location_rule AFTER INSERT OR UPDATE OR DELETE ON user_locations
    FOR EACH STATEMENT EXECUTE FUNCTION app_forget_location_rule();

-- The ledger check sets each company with SET LOCAL and refuses to answer for a company it cannot see
-- (app_enter_company, V195): "consistent" must never mean "read nothing".
CREATE OR REPLACE FUNCTION ledger_mismatches_all()
    RETURNS TABLE (tenant_id uuid, tenant_slug text, location_id uuid, item_id uuid, on_hand numeric, ledger_total numeric)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    t             record;
    saved_tenant  text := coalesce(current_setting('app.tenant_id', true), '');
    saved_user    text := coalesce(current_setting('app.user_id', true), '');
    saved_partner text := coalesce(current_setting('app.partner_id', true), '');
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = 'tenants' AND p.policyname = 'tenants_owner_lists_all') THEN
        RAISE EXCEPTION 'checking every tenant needs a schema owner role distinct from the application role'
            USING ERRCODE = 'P0001', HINT = 'ledger-check-unavailable';
    END IF;
    -- No user: every location of the tenant is visible (app_sees_location).
    PERFORM app_set_local('app.user_id', '');
    PERFORM app_set_local('app.partner_id', '');
    FOR t IN SELECT x.id, x.slug FROM platform_tenants x ORDER BY x.slug LOOP
        PERFORM app_enter_company(t.id);
        RETURN QUERY
            SELECT m.tenant_id, t.slug::text, m.location_id, m.item_id, m.on_hand, m.ledger_total
            FROM stock_ledger_mismatches m
            ORDER BY m.location_id, m.item_id;
    END LOOP;
    PERFORM app_set_local('app.tenant_id', saved_tenant);
    PERFORM app_set_local('app.user_id', saved_user);
    PERFORM app_set_local('app.partner_id', saved_partner);
END $$;

CREATE OR REPLACE FUNCTION stock_movements_this_year() RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    saved_user    text := coalesce(current_setting('app.user_id', true), '');
    saved_partner text := coalesce(current_setting('app.partner_id', true), '');
    year_start    timestamptz;
    counted       bigint;
BEGIN
    PERFORM app_set_local('app.user_id', '');
    PERFORM app_set_local('app.partner_id', '');
    SELECT date_trunc('year', now() AT TIME ZONE t.time_zone) AT TIME ZONE t.time_zone INTO year_start
    FROM platform_tenants t WHERE t.id = app_current_tenant();
    SELECT count(*) INTO counted FROM stock_ledger l
    WHERE l.tenant_id = app_current_tenant() AND l.created_at >= year_start;
    PERFORM app_set_local('app.user_id', saved_user);
    PERFORM app_set_local('app.partner_id', saved_partner);
    RETURN counted;
END $$;
