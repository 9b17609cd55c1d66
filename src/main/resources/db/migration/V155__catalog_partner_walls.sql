-- A supplier may be a partner organization (seed 004: suppliers are organizations under a parent). Partner users
-- (V119) read the catalog's items, categories and units to order and record usage; who supplies the shop, at what
-- cost and how prices moved, are the staff's.
ALTER TABLE suppliers ADD COLUMN organization_id uuid;
ALTER TABLE suppliers ADD CONSTRAINT suppliers_organization_fkey
    FOREIGN KEY (tenant_id, organization_id) REFERENCES partner_organizations (tenant_id, id);
CREATE UNIQUE INDEX suppliers_organization_key ON suppliers (tenant_id, organization_id)
    WHERE organization_id IS NOT NULL;

SELECT app_wall_off_partners(t) FROM unnest(ARRAY[
    'suppliers', 'item_suppliers', 'item_price_history', 'item_import_jobs', 'item_import_errors'
]::regclass[]) t;
