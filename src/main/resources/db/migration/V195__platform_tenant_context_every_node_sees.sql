-- The tenant context as SET LOCAL, which a distributed PostgreSQL (Citus) passes on to the nodes that hold the rows
-- (with citus.propagate_set_commands = 'local'); set_config(..., true) stays on the node it ran on, where row-level
-- security on the other nodes would see no tenant. The application sets its context this way (TransactionSettings);
-- these are the same for the owner's functions that visit companies in turn.

-- Sets an application setting (app.*) until the end of the transaction. Inside a function with a SET clause (every
-- SECURITY DEFINER function here) the local value ends with the function on this node, not on Citus's workers: such a
-- function restores what it changed before it returns.
CREATE FUNCTION app_set_local(setting text, value text) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    IF setting !~ '^app\.[a-z_]+$' THEN
        RAISE EXCEPTION 'not an application setting: %', setting;
    END IF;
    -- Defined only where Citus is loaded.
    IF current_setting('citus.propagate_set_commands', true) IS NOT NULL THEN
        SET LOCAL citus.propagate_set_commands = 'local';
    END IF;
    EXECUTE format('SET LOCAL %s = %L', setting, coalesce(value, ''));
END $$;
REVOKE ALL ON FUNCTION app_set_local(text, text) FROM PUBLIC;

-- Enters a company for a check that reads every company in turn, and makes sure its rows are visible: a check must
-- never answer "nothing wrong" about rows it could not see (on Citus, a context that did not reach a worker hides
-- that worker's rows). Every company has users (its admin from signup on), read through row-level security like the
-- data checked; seeing none of them means the context did not take.
CREATE FUNCTION app_enter_company(company uuid) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM app_set_local('app.tenant_id', company::text);
    IF app_current_tenant() IS DISTINCT FROM company
       OR NOT EXISTS (SELECT 1 FROM users u WHERE u.tenant_id = company) THEN
        RAISE EXCEPTION 'company % is not visible in this transaction: its rows cannot be checked', company
            USING ERRCODE = 'P0001', HINT = 'company-not-visible';
    END IF;
END $$;
REVOKE ALL ON FUNCTION app_enter_company(uuid) FROM PUBLIC;

CREATE OR REPLACE FUNCTION webhook_queue_tenants() RETURNS SETOF uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    t     record;
    saved text := coalesce(current_setting('app.tenant_id', true), '');
BEGIN
    FOR t IN SELECT x.id FROM tenants x WHERE x.deleted_at IS NULL ORDER BY x.id LOOP
        PERFORM app_set_local('app.tenant_id', t.id::text);
        IF EXISTS (SELECT 1 FROM business_event_queue q WHERE q.tenant_id = t.id) THEN
            RETURN NEXT t.id;
        END IF;
    END LOOP;
    PERFORM app_set_local('app.tenant_id', saved);
END $$;

CREATE OR REPLACE FUNCTION webhook_deliveries_tenants_due() RETURNS SETOF uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    t     record;
    saved text := coalesce(current_setting('app.tenant_id', true), '');
BEGIN
    FOR t IN SELECT x.id FROM tenants x WHERE x.deleted_at IS NULL ORDER BY x.id LOOP
        PERFORM app_set_local('app.tenant_id', t.id::text);
        IF EXISTS (SELECT 1 FROM webhook_deliveries d
                   WHERE d.tenant_id = t.id AND d.status = 'pending' AND d.next_attempt_at <= now()) THEN
            RETURN NEXT t.id;
        END IF;
    END LOOP;
    PERFORM app_set_local('app.tenant_id', saved);
END $$;

CREATE OR REPLACE FUNCTION operator_security_events(since timestamptz, max_rows integer)
    RETURNS TABLE (tenant_slug text, occurred_at timestamptz, event_type text, risk_level text, email text,
                   ip_address text, details text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    t            record;
    saved_tenant text := coalesce(current_setting('app.tenant_id', true), '');
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = 'tenants' AND p.policyname = 'tenants_owner_lists_all') THEN
        RAISE EXCEPTION 'the operator console needs a schema owner role distinct from the application role'
            USING ERRCODE = 'P0001';
    END IF;
    FOR t IN SELECT x.id, x.slug FROM tenants x ORDER BY x.slug LOOP
        PERFORM app_set_local('app.tenant_id', t.id::text);
        RETURN QUERY
            SELECT t.slug::text, e.occurred_at, e.event_type::text, e.risk_level::text, u.email::text,
                   host(e.ip_address), e.details
            FROM security_events e
            LEFT JOIN users u ON u.tenant_id = e.tenant_id AND u.id = e.user_id
            WHERE e.tenant_id = t.id AND e.occurred_at >= since
            ORDER BY e.occurred_at DESC LIMIT max_rows;
    END LOOP;
    PERFORM app_set_local('app.tenant_id', saved_tenant);
END $$;

CREATE OR REPLACE FUNCTION tenant_storage_bytes(tenant uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    tbl          regclass;
    part         bigint;
    total        bigint := 0;
    saved_tenant text := coalesce(current_setting('app.tenant_id', true), '');
BEGIN
    PERFORM app_set_local('app.tenant_id', tenant::text);
    FOR tbl IN
        SELECT c.oid::regclass FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname
    LOOP
        EXECUTE format('SELECT coalesce(sum(pg_column_size(x.*)), 0) FROM %s x WHERE x.tenant_id = $1', tbl)
            INTO part USING tenant;
        total := total + part;
    END LOOP;
    PERFORM app_set_local('app.tenant_id', saved_tenant);
    RETURN total;
END $$;

-- The audit trigger records the table it is declared on, passed as its second argument: on Citus the trigger fires
-- on a shard, whose name (users_102249) TG_TABLE_NAME would give. A trigger without the argument is refused at once.
-- What it records is written by audit_write, which platform's code also uses for tenants (below).
CREATE FUNCTION audit_write(tenant_key text, table_name text, action text, old_row jsonb, new_row jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    full_row jsonb := coalesce(new_row, old_row);
BEGIN
    IF action = 'UPDATE' THEN
        SELECT jsonb_object_agg(n.key, n.value) INTO new_row
        FROM jsonb_each(new_row) n
        WHERE n.key NOT IN ('updated_at', 'version', 'last_login_at', 'failed_attempts', 'last_used_at', 'search', 'sku_key') AND n.value IS DISTINCT FROM old_row -> n.key;
        IF new_row IS NULL THEN
            RETURN;
        END IF;
        SELECT jsonb_object_agg(k, old_row -> k) INTO old_row FROM jsonb_object_keys(new_row) k;
    END IF;
    INSERT INTO audit_log (tenant_id, table_name, row_id, action, old_values, new_values, user_id, client_ip, user_agent)
    VALUES ((full_row ->> tenant_key)::uuid, table_name, (full_row ->> 'id')::uuid, action,
            audit_mask(old_row), audit_mask(new_row), app_current_user(),
            NULLIF(current_setting('app.client_ip', true), '')::inet,
            NULLIF(current_setting('app.user_agent', true), ''));
END $$;
REVOKE ALL ON FUNCTION audit_write(text, text, text, jsonb, jsonb) FROM PUBLIC;

CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
BEGIN
    IF TG_NARGS <> 2 THEN
        RAISE EXCEPTION 'audit_row_change needs (tenant column, table name) as its arguments';
    END IF;
    PERFORM audit_write(TG_ARGV[0], TG_ARGV[1], TG_OP, CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
                        CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
    RETURN NULL;
END $$;

-- tenants is global, a Citus reference table, where a trigger fails at runtime: its two triggers go, and platform's
-- code records a change of the current company's row in the statement that makes it (Tenants, SettingsStore,
-- CompanyConsole), and announces a change of status on bodega_auth (V191) itself.
DROP TRIGGER tenants_audit ON tenants;
DROP TRIGGER tenants_auth_change ON tenants;
CREATE FUNCTION audit_tenant_change(action text, old_row jsonb, new_row jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
BEGIN
    IF (coalesce(new_row, old_row) ->> 'id')::uuid IS DISTINCT FROM app_current_tenant() THEN
        RAISE EXCEPTION 'only the current company''s row is recorded';
    END IF;
    PERFORM audit_write('id', 'tenants', action, old_row, new_row);
END $$;
REVOKE ALL ON FUNCTION audit_tenant_change(text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_tenant_change(text, jsonb, jsonb) TO ${app_role};

-- Every audit trigger again, as it was, with its table's name added to its arguments.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT tg.oid, tg.tgname, c.relname, pg_get_triggerdef(tg.oid) AS definition
             FROM pg_trigger tg
             JOIN pg_class c ON c.oid = tg.tgrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
             WHERE tg.tgfoid = 'audit_row_change'::regproc AND NOT tg.tgisinternal AND tg.tgnargs = 1
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t.tgname, t.relname);
        EXECUTE regexp_replace(t.definition, 'audit_row_change\(''(\w+)''\)$',
                               format('audit_row_change(''\1'', %L)', t.relname));
    END LOOP;
END $$;

-- The payload named the table; nobody reads it, and on a shard it would be the shard's name.
CREATE OR REPLACE FUNCTION app_announce_auth_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('bodega_auth', '');
    RETURN NULL;
END $$;

-- Rules worked out from roles and kept for the rest of a transaction (inventory's location rule, V196) are forgotten
-- when what they were worked out from changes in that transaction.
CREATE FUNCTION app_forget_location_rule() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM set_config('app.location_rule_user', '', true);
    RETURN NULL;
END $$;
CREATE TRIGGER roles_forget_location_rule AFTER INSERT OR UPDATE OR DELETE ON roles
    FOR EACH STATEMENT EXECUTE FUNCTION app_forget_location_rule();
CREATE TRIGGER user_roles_forget_location_rule AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH STATEMENT EXECUTE FUNCTION app_forget_location_rule();
