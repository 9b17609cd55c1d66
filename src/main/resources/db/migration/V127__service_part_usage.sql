-- Part usage (seed 004 part_usage, transaction type consumption): parts a customer organization used on one of its
-- machines, taken from one of its own warehouses. Each record posts one PART_USAGE issue on the ledger with the
-- record as the posting's document; the record is its own history (append-only, a mistake is a new posting).
-- That machine and warehouse belong to the record's organization is checked by the application (a machine may
-- later change hands, and its past usage stays with the organization that recorded it).
CREATE TABLE part_usage (
    tenant_id       uuid          NOT NULL REFERENCES tenants (id),
    id              uuid          NOT NULL,
    organization_id uuid          NOT NULL,
    machine_id      uuid          NOT NULL,
    location_id     uuid          NOT NULL,
    item_id         uuid          NOT NULL,
    quantity        numeric(14,3) NOT NULL CHECK (quantity > 0),
    used_at         timestamptz   NOT NULL,
    notes           text,
    recorded_by     uuid,
    posting_id      uuid          NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES partner_organizations (tenant_id, id),
    FOREIGN KEY (tenant_id, machine_id) REFERENCES machines (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, recorded_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, posting_id) REFERENCES stock_postings (tenant_id, id)
);
CREATE INDEX part_usage_machine_idx ON part_usage (tenant_id, machine_id, used_at DESC);
CREATE INDEX part_usage_organization_idx ON part_usage (tenant_id, organization_id, used_at DESC);
CREATE INDEX part_usage_item_idx ON part_usage (tenant_id, item_id);
SELECT app_protect_tenant_table('part_usage');
-- The partner wall (V119): a partner user sees and records only its own organization's usage.
CREATE POLICY part_usage_partner ON part_usage AS RESTRICTIVE USING (app_partner_sees(organization_id));
GRANT SELECT, INSERT ON part_usage TO ${app_role};

-- Seed 004 machine_usage_summary, per machine: how many records, how many different parts, the quantity used and
-- the last usage. security_invoker: a partner user reads only its own machines here too.
CREATE VIEW machine_usage_summary WITH (security_invoker = true) AS
SELECT m.tenant_id, m.id AS machine_id, m.name AS machine_name, m.serial_number, m.organization_id,
       o.name AS organization_name, count(u.id) AS usage_count, count(DISTINCT u.item_id) AS parts_used,
       coalesce(sum(u.quantity), 0) AS total_quantity, max(u.used_at) AS last_used_at
FROM machines m
JOIN platform_partner_organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
LEFT JOIN part_usage u ON u.tenant_id = m.tenant_id AND u.machine_id = m.id
GROUP BY m.tenant_id, m.id, m.name, m.serial_number, m.organization_id, o.name;
GRANT SELECT ON machine_usage_summary TO ${app_role};
