-- The ledger invariant across every tenant, for the --verify-ledger command.
--
-- The application role sees one tenant per transaction, and so does the schema
-- owner (every tenant table FORCEs row-level security). To visit every tenant,
-- the owner may list the tenants (SELECT only, through the policy below), and
-- ledger_mismatches_all(), a SECURITY DEFINER function owned by the owner,
-- sets each tenant in turn and reads stock_ledger_mismatches for it. It returns
-- only mismatching levels (normally none), never stock or business data.
--
-- When no separate owner role is configured (the application role owns the
-- schema), no such policy is created: the application role must never see every
-- tenant. The function then refuses to run instead of reporting a false "consistent".

DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('CREATE POLICY tenants_owner_lists_all ON tenants FOR SELECT TO %I USING (true)', current_user);
    END IF;
END $$;

CREATE FUNCTION ledger_mismatches_all()
    RETURNS TABLE (tenant_id uuid, tenant_slug text, location_id uuid, item_id uuid, on_hand numeric, ledger_total numeric)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    t            record;
    saved_tenant text := coalesce(current_setting('app.tenant_id', true), '');
    saved_user   text := coalesce(current_setting('app.user_id', true), '');
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = 'tenants' AND p.policyname = 'tenants_owner_lists_all') THEN
        RAISE EXCEPTION 'checking every tenant needs a schema owner role distinct from the application role'
            USING ERRCODE = 'P0001', HINT = 'ledger-check-unavailable';
    END IF;
    -- No user: every location of the tenant is visible (app_visible_locations).
    PERFORM set_config('app.user_id', '', true);
    FOR t IN SELECT x.id, x.slug FROM tenants x ORDER BY x.slug LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        RETURN QUERY
            SELECT m.tenant_id, t.slug::text, m.location_id, m.item_id, m.on_hand, m.ledger_total
            FROM stock_ledger_mismatches m
            ORDER BY m.location_id, m.item_id;
    END LOOP;
    PERFORM set_config('app.tenant_id', saved_tenant, true);
    PERFORM set_config('app.user_id', saved_user, true);
END $$;

-- Functions are executable by PUBLIC unless revoked.
REVOKE ALL ON FUNCTION ledger_mismatches_all() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ledger_mismatches_all() TO ${app_role};

-- The kárdex reads one item's rows in id (= application) order.
CREATE INDEX stock_ledger_item_order_idx ON stock_ledger (tenant_id, item_id, id);
-- Movement exports read a date range.
CREATE INDEX stock_ledger_created_idx ON stock_ledger (tenant_id, created_at);
