-- Vehicle models (seed 003 scooter_types) and the items that fit each model: the catalog can be searched by
-- model, and other modules read models through the published view catalog_vehicle_models.

CREATE TABLE vehicle_models (
    tenant_id   uuid         NOT NULL REFERENCES tenants (id),
    id          uuid         NOT NULL,
    name        varchar(120) NOT NULL CHECK (btrim(name) <> ''),
    power       varchar(60),
    description text,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX vehicle_models_name_key ON vehicle_models (tenant_id, lower(name));
SELECT app_protect_tenant_table('vehicle_models');
GRANT SELECT, INSERT, UPDATE, DELETE ON vehicle_models TO ${app_role};

-- An item compatible with a model. Deleting a model forgets its compatibilities (they describe the model).
CREATE TABLE item_vehicle_models (
    tenant_id  uuid        NOT NULL,
    model_id   uuid        NOT NULL,
    item_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, model_id, item_id),
    FOREIGN KEY (tenant_id, model_id) REFERENCES vehicle_models (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);
CREATE INDEX item_vehicle_models_item_idx ON item_vehicle_models (tenant_id, item_id);
SELECT app_protect_tenant_table('item_vehicle_models');
GRANT SELECT, INSERT, DELETE ON item_vehicle_models TO ${app_role};

-- Master data, edited by hand: audited like items and suppliers.
CREATE TRIGGER vehicle_models_audit AFTER INSERT OR UPDATE OR DELETE ON vehicle_models
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

CREATE VIEW catalog_vehicle_models WITH (security_invoker = true) AS
SELECT tenant_id, id, name, power
FROM vehicle_models;
GRANT SELECT ON catalog_vehicle_models TO ${app_role};
