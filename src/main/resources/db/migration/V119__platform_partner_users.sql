-- Partner users (seed 004): a user is the company's own staff (organization_id null) or belongs to one partner
-- organization. The partner is set per transaction next to the tenant (app.partner_id, written by
-- TenantTransactionManager from the signed-in user), and row-level security walls a partner user in:
--
--   * a partner-scoped table gets a RESTRICTIVE policy <table>_partner that keeps its own organization's rows;
--   * a table a partner has no business in gets a RESTRICTIVE policy <table>_staff_only (app_wall_off_partners).
--
-- Restrictive policies are ANDed with the tenant policy (and any other permissive policy, such as
-- api_keys_by_hash), so the tenant wall is untouched and staff (no partner set) see exactly what they saw before.
-- Function calls, not subqueries, where the rule allows it (see V83 on Citus).
ALTER TABLE users ADD COLUMN organization_id uuid;
ALTER TABLE users ADD CONSTRAINT users_organization_fkey
    FOREIGN KEY (tenant_id, organization_id) REFERENCES partner_organizations (tenant_id, id);
CREATE INDEX users_organization_idx ON users (tenant_id, organization_id) WHERE organization_id IS NOT NULL;

CREATE FUNCTION app_current_partner() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.partner_id', true), '')::uuid $$;

-- Staff see every organization's rows; a partner user only its own (a row of no organization is the company's own,
-- so a partner does not see it either).
CREATE FUNCTION app_partner_sees(organization uuid) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT app_current_partner() IS NULL OR organization = app_current_partner() $$;
GRANT EXECUTE ON FUNCTION app_current_partner(), app_partner_sees(uuid) TO ${app_role};

-- For migrations (the schema owner): a table only the company's staff may read or write.
CREATE FUNCTION app_wall_off_partners(staff_table regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    policy name := (SELECT relname FROM pg_class WHERE oid = staff_table) || '_staff_only';
BEGIN
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', policy, staff_table);
    EXECUTE format('CREATE POLICY %I ON %s AS RESTRICTIVE USING (app_current_partner() IS NULL)', policy, staff_table);
END $$;
REVOKE ALL ON FUNCTION app_wall_off_partners(regclass) FROM PUBLIC;

-- A partner user sees its own organization's row, its colleagues, and the company's staff (whose names are on its
-- orders and who receive its notifications), never another partner's people.
CREATE POLICY partner_organizations_partner ON partner_organizations AS RESTRICTIVE USING (app_partner_sees(id));
CREATE POLICY users_partner ON users AS RESTRICTIVE
    USING (organization_id IS NULL OR app_partner_sees(organization_id));

SELECT app_wall_off_partners('api_keys');
-- The audit trigger writes a partner's changes too; only reading is the staff's.
CREATE POLICY audit_log_staff_only ON audit_log AS RESTRICTIVE FOR SELECT USING (app_current_partner() IS NULL);

-- The partner portal's permissions (portal.*): what a partner's roles may hold, and nothing else.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        INSERT INTO roles (tenant_id, id, name, description, permissions, system)
        SELECT t.id, gen_random_uuid(), r.name, 'role.' || r.name || '.description', r.permissions, true
        FROM (VALUES ('partner_admin', ARRAY['portal.*']),
                     ('partner_user', ARRAY['portal.read', 'portal.usage', 'portal.orders'])) AS r (name, permissions)
        ON CONFLICT (tenant_id, name) DO NOTHING;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
