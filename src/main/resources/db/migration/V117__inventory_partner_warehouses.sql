-- Partner warehouses (seed 004 warehouses.organization_id): a location may belong to a partner organization (a
-- customer's or supplier's own warehouse); null is the company's own. Its stock is on the same ledger.
ALTER TABLE locations ADD COLUMN organization_id uuid;
ALTER TABLE locations ADD CONSTRAINT locations_organization_fkey
    FOREIGN KEY (tenant_id, organization_id) REFERENCES partner_organizations (tenant_id, id);
CREATE INDEX locations_organization_idx ON locations (tenant_id, organization_id) WHERE organization_id IS NOT NULL;

-- Published with the owner, for the partner pages and machines.
CREATE OR REPLACE VIEW inventory_locations WITH (security_invoker = true) AS
SELECT tenant_id, id, name, kind, address, phone, active, organization_id
FROM locations;
