-- Partner organizations (seed 004 organizations): the tenant's customers, suppliers and its one manufacturer, which
-- live inside the tenant. The tenant itself is the distributor (seed 004's oraseas_ee), so it has no row here.
-- Platform owns them because partner users (the next step) belong to one, and the partner wall is set per
-- transaction next to the tenant.
CREATE TABLE partner_organizations (
    tenant_id   uuid         NOT NULL REFERENCES tenants (id),
    id          uuid         NOT NULL,
    name        varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    type        varchar(20)  NOT NULL CHECK (type IN ('customer', 'supplier', 'manufacturer')),
    parent_id   uuid,
    address     text,
    contact     text,
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES partner_organizations (tenant_id, id),
    CONSTRAINT partner_organizations_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id),
    -- Seed 004's supplier_must_have_parent.
    CONSTRAINT partner_organizations_supplier_has_parent CHECK (type <> 'supplier' OR parent_id IS NOT NULL)
);
CREATE UNIQUE INDEX partner_organizations_name_key ON partner_organizations (tenant_id, lower(name));
-- Seed 004: one manufacturer (bossaqua) per tenant.
CREATE UNIQUE INDEX partner_organizations_one_manufacturer ON partner_organizations (tenant_id)
    WHERE type = 'manufacturer';
CREATE INDEX partner_organizations_parent_idx ON partner_organizations (tenant_id, parent_id)
    WHERE parent_id IS NOT NULL;
SELECT app_protect_tenant_table('partner_organizations');
GRANT SELECT, INSERT, UPDATE, DELETE ON partner_organizations TO ${app_role};
CREATE TRIGGER partner_organizations_audit AFTER INSERT OR UPDATE OR DELETE ON partner_organizations
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- Seed 004's organization_hierarchy: every organization with its depth from its root and the path of names.
CREATE VIEW partner_organization_hierarchy WITH (security_invoker = true) AS
WITH RECURSIVE tree AS (
    SELECT tenant_id, id, name, type, parent_id, active, 0 AS level, ARRAY[lower(name)]::text[] AS path
    FROM partner_organizations
    WHERE parent_id IS NULL
    UNION ALL
    SELECT o.tenant_id, o.id, o.name, o.type, o.parent_id, o.active, t.level + 1, t.path || lower(o.name)::text
    FROM partner_organizations o
    JOIN tree t ON o.tenant_id = t.tenant_id AND o.parent_id = t.id
)
SELECT tenant_id, id, name, type, parent_id, active, level, path FROM tree;
GRANT SELECT ON partner_organization_hierarchy TO ${app_role};

-- What other modules read (machines, partner warehouses, orders).
CREATE VIEW platform_partner_organizations WITH (security_invoker = true) AS
SELECT tenant_id, id, name, type, parent_id, active FROM partner_organizations;
GRANT SELECT ON platform_partner_organizations TO ${app_role};

-- Seed 004: at most 100 customer organizations; a plan limit like max_locations.
ALTER TABLE tenants ADD COLUMN max_customer_organizations integer NOT NULL DEFAULT 100
    CHECK (max_customer_organizations > 0);

-- Managers run the partner directory and register partners' machines (service, V118), as DefaultRoles gives new
-- companies; viewers read both through *.read.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        UPDATE roles SET permissions = permissions || ARRAY['partners.*', 'machines.*'], version = version + 1,
                         updated_at = now()
        WHERE tenant_id = t.id AND system AND name = 'manager' AND NOT permissions @> ARRAY['partners.*'];
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
