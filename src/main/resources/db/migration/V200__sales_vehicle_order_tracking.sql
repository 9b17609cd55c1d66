-- A customer's tracking link finds its order before the company is known: through a global lookup (V198), keyed by
-- the token, with no tenant_id and no row-level security; the order is then read inside its company. The token
-- stays on the order (unique within its company) and only VehicleOrders writes the lookup, with the order.
CREATE TABLE vehicle_order_tracking (
    tracking_token varchar(64) PRIMARY KEY,
    tenant         uuid        NOT NULL REFERENCES tenants (id),
    order_id       uuid        NOT NULL
);
GRANT SELECT, INSERT ON vehicle_order_tracking TO ${app_role};

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM platform_tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        INSERT INTO vehicle_order_tracking (tracking_token, tenant, order_id)
        SELECT tracking_token, tenant_id, id FROM vehicle_orders WHERE tenant_id = t.id;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;

DROP POLICY vehicle_orders_by_tracking_token ON vehicle_orders;
DROP INDEX vehicle_orders_tracking_key;
CREATE UNIQUE INDEX vehicle_orders_tracking_key ON vehicle_orders (tenant_id, tracking_token);
