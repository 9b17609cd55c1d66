-- Vehicle orders (seed 003 order_follow): a customer's vehicle, ordered, in transit, delivered (level 1 → 2 → 3,
-- one step at a time), or cancelled before delivery. The customer follows it on a public page reached by
-- tracking_token, a random secret: the page finds the one order whose token was presented (policy
-- vehicle_orders_by_tracking_token), before its company is known, and nothing else.

CREATE TABLE vehicle_orders (
    tenant_id          uuid         NOT NULL REFERENCES tenants (id),
    id                 uuid         NOT NULL,
    number             varchar(40)  NOT NULL CHECK (btrim(number) <> ''),
    model_id           uuid         NOT NULL,
    level              smallint     NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3),
    status             varchar(20)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
    contact_phone      varchar(32),
    contact_email      varchar(254) CHECK (contact_email IS NULL OR contact_email LIKE '%_@_%'),
    external_link      varchar(500) CHECK (external_link IS NULL OR external_link ~ '^https?://'),
    order_date         date         NOT NULL,
    estimated_delivery date,
    tracking_token     varchar(64)  NOT NULL CHECK (length(tracking_token) >= 32),
    in_transit_at      timestamptz,
    delivered_at       timestamptz,
    cancelled_at       timestamptz,
    created_by         uuid,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, model_id) REFERENCES vehicle_models (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    CHECK (estimated_delivery IS NULL OR estimated_delivery >= order_date),
    CHECK ((level = 3) = (delivered_at IS NOT NULL)),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CHECK (status <> 'cancelled' OR level < 3)
);
CREATE UNIQUE INDEX vehicle_orders_number_key ON vehicle_orders (tenant_id, number);
CREATE UNIQUE INDEX vehicle_orders_tracking_key ON vehicle_orders (tracking_token);
CREATE INDEX vehicle_orders_level_idx ON vehicle_orders (tenant_id, level, id DESC);
SELECT app_protect_tenant_table('vehicle_orders');
CREATE POLICY vehicle_orders_by_tracking_token ON vehicle_orders FOR SELECT
    USING (tracking_token = NULLIF(current_setting('app.tracking_token', true), ''));
GRANT SELECT, INSERT, UPDATE ON vehicle_orders TO ${app_role};

-- Edited by hand and moved through levels: audited (who moved it, when). The tracking token is a secret.
CREATE TRIGGER vehicle_orders_audit AFTER INSERT OR DELETE OR UPDATE OF number, model_id, level, status,
    contact_phone, contact_email, external_link, order_date, estimated_delivery ON vehicle_orders
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
