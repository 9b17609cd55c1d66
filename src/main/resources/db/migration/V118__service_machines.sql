-- Machines (seed 004 machines) owned by customer partner organizations, and their hours or counter readings over
-- time. Only a customer organization owns one: the application checks the type (seed 004's CHECK with a subquery
-- is not valid PostgreSQL).
CREATE TABLE machines (
    tenant_id           uuid         NOT NULL REFERENCES tenants (id),
    id                  uuid         NOT NULL,
    serial_number       varchar(100) NOT NULL CHECK (btrim(serial_number) <> ''),
    name                varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    model               varchar(100) NOT NULL CHECK (btrim(model) <> ''),
    organization_id     uuid         NOT NULL,
    purchase_date       date,
    warranty_expiry     date,
    status              varchar(20)  NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'inactive', 'maintenance', 'decommissioned')),
    last_maintenance    date,
    next_maintenance    date,
    location            varchar(255),
    notes               text,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    version             bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES partner_organizations (tenant_id, id),
    CHECK (warranty_expiry IS NULL OR purchase_date IS NULL OR warranty_expiry >= purchase_date)
);
CREATE UNIQUE INDEX machines_serial_key ON machines (tenant_id, lower(serial_number));
CREATE INDEX machines_organization_idx ON machines (tenant_id, organization_id);
SELECT app_protect_tenant_table('machines');
GRANT SELECT, INSERT, UPDATE ON machines TO ${app_role};
CREATE TRIGGER machines_audit AFTER INSERT OR UPDATE OR DELETE ON machines
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- Hours or counter readings: append-only, each its own history.
CREATE TABLE machine_readings (
    tenant_id   uuid          NOT NULL,
    id          uuid          NOT NULL,
    machine_id  uuid          NOT NULL,
    kind        varchar(10)   NOT NULL CHECK (kind IN ('hours', 'counter')),
    value       numeric(14,1) NOT NULL CHECK (value >= 0),
    read_at     timestamptz   NOT NULL,
    recorded_by uuid,
    notes       text,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, machine_id) REFERENCES machines (tenant_id, id),
    FOREIGN KEY (tenant_id, recorded_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX machine_readings_machine_idx ON machine_readings (tenant_id, machine_id, read_at DESC);
SELECT app_protect_tenant_table('machine_readings');
GRANT SELECT, INSERT ON machine_readings TO ${app_role};
