-- Operators (seeds 001, 002 and 004 "super_admin"): the people who run this Bodega installation. They stand outside
-- every company, so they are not users of one: their own table, no tenant, no row-level security (the application
-- reaches it only from the operator console). They see companies' plans, limits, status and usage figures, never
-- business data, unless a company's admin grants them time-limited access (operator_access_grants), and every
-- use of such a grant is recorded (operator_access_uses). Both tables carry the audit trigger.

CREATE TABLE operators (
    id              uuid PRIMARY KEY,
    email           varchar(254) NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name            varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    password_hash   varchar(100) NOT NULL,
    active          boolean      NOT NULL DEFAULT true,
    failed_attempts integer      NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX operators_email_key ON operators (email);
GRANT SELECT, INSERT, UPDATE ON operators TO ${app_role};

-- What the nightly data check (and anything else an operator must hear of) tells the operators; read on the console.
CREATE TABLE operator_notifications (
    id         uuid PRIMARY KEY,
    kind       varchar(40)  NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]*$'),
    title      varchar(200) NOT NULL,
    body       text         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX operator_notifications_time_idx ON operator_notifications (created_at DESC);
GRANT SELECT, INSERT, UPDATE ON operator_notifications TO ${app_role};

-- A company's admin lets operators in, read-only, until expires_at (or until revoked).
CREATE TABLE operator_access_grants (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    id         uuid        NOT NULL,
    granted_by uuid        NOT NULL,
    reason     varchar(500),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    revoked_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, granted_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, revoked_by) REFERENCES users (tenant_id, id),
    CHECK (expires_at > created_at)
);
CREATE INDEX operator_access_grants_open_idx ON operator_access_grants (tenant_id, expires_at) WHERE revoked_at IS NULL;
SELECT app_protect_tenant_table('operator_access_grants');
SELECT app_wall_off_partners('operator_access_grants');
GRANT SELECT, INSERT, UPDATE ON operator_access_grants TO ${app_role};
CREATE TRIGGER operator_access_grants_audit AFTER INSERT OR UPDATE OR DELETE ON operator_access_grants
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- One row per request an operator makes inside a company under a grant. Append-only.
CREATE TABLE operator_access_uses (
    tenant_id      uuid         NOT NULL,
    id             uuid         NOT NULL,
    grant_id       uuid         NOT NULL,
    operator_id    uuid         NOT NULL REFERENCES operators (id),
    operator_email varchar(254) NOT NULL,
    method         varchar(10)  NOT NULL,
    path           varchar(2000) NOT NULL,
    used_at        timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, grant_id) REFERENCES operator_access_grants (tenant_id, id)
);
CREATE INDEX operator_access_uses_grant_idx ON operator_access_uses (tenant_id, grant_id, used_at);
SELECT app_protect_tenant_table('operator_access_uses');
SELECT app_wall_off_partners('operator_access_uses');
GRANT SELECT, INSERT ON operator_access_uses TO ${app_role};
CREATE TRIGGER operator_access_uses_audit AFTER INSERT ON operator_access_uses
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- Other modules' checks across companies (V184, V185) name the company they found a problem in, and read its time zone.
CREATE OR REPLACE VIEW platform_tenants WITH (security_invoker = true) AS
SELECT id, name, currency, locale, time_zone, slug FROM tenants;

-- Seed 004: at most 7,500 stock movements (ledger rows) a year, and 150 machines. NULL: the plan sets no such limit.
ALTER TABLE tenants ADD COLUMN max_stock_movements_per_year integer CHECK (max_stock_movements_per_year > 0),
                    ADD COLUMN max_machines integer CHECK (max_machines > 0);

-- The console lists every company (plan, status, limits: no business data). Like ledger_mismatches_all (V51),
-- a SECURITY DEFINER function of the schema owner, which refuses to run when the application role owns the schema.
CREATE FUNCTION operator_companies()
    RETURNS TABLE (id uuid, slug text, name text, plan text, status text, created_at timestamptz, max_users integer,
                   max_locations integer, max_items integer, max_customer_organizations integer,
                   max_stock_movements_per_year integer, max_machines integer)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = 'tenants' AND p.policyname = 'tenants_owner_lists_all') THEN
        RAISE EXCEPTION 'the operator console needs a schema owner role distinct from the application role'
            USING ERRCODE = 'P0001';
    END IF;
    RETURN QUERY
        SELECT t.id, t.slug::text, t.name::text, t.plan::text, t.status::text, t.created_at, t.max_users,
               t.max_locations, t.max_items, t.max_customer_organizations, t.max_stock_movements_per_year,
               t.max_machines
        FROM tenants t WHERE t.deleted_at IS NULL ORDER BY t.slug;
END $$;
REVOKE ALL ON FUNCTION operator_companies() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION operator_companies() TO ${app_role};

-- Platform-wide security events (sign-in failures, lockouts, denied access...): each company's newest max_rows since
-- a time, company by company as ledger_mismatches_all does (the console merges them). Who, when, from where and what kind: no business data.
CREATE FUNCTION operator_security_events(since timestamptz, max_rows integer)
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
        PERFORM set_config('app.tenant_id', t.id::text, true);
        RETURN QUERY
            SELECT t.slug::text, e.occurred_at, e.event_type::text, e.risk_level::text, u.email::text,
                   host(e.ip_address), e.details
            FROM security_events e
            LEFT JOIN users u ON u.tenant_id = e.tenant_id AND u.id = e.user_id
            WHERE e.tenant_id = t.id AND e.occurred_at >= since
            ORDER BY e.occurred_at DESC LIMIT max_rows;
    END LOOP;
    PERFORM set_config('app.tenant_id', saved_tenant, true);
END $$;
REVOKE ALL ON FUNCTION operator_security_events(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION operator_security_events(timestamptz, integer) TO ${app_role};

-- A company's storage: the sum of pg_column_size of its rows in every table that has a tenant_id (the data as
-- stored, after compression; indexes and free space not counted). Each table is read by its tenant key.
CREATE FUNCTION tenant_storage_bytes(tenant uuid) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    tbl          regclass;
    part         bigint;
    total        bigint := 0;
    saved_tenant text := coalesce(current_setting('app.tenant_id', true), '');
BEGIN
    PERFORM set_config('app.tenant_id', tenant::text, true);
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
    PERFORM set_config('app.tenant_id', saved_tenant, true);
    RETURN total;
END $$;
REVOKE ALL ON FUNCTION tenant_storage_bytes(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_storage_bytes(uuid) TO ${app_role};
