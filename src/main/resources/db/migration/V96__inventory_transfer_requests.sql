-- Transfer requests between locations (seed 003 carrito_solicitudes, solicitudes, detalles_solicitud,
-- trazabilidad_solicitudes): a per-user cart, the request with its lines and its trace.
--
-- Goods in transit stay on the ledger: dispatch posts TRANSFER_OUT at the origin and TRANSFER_IN at the
-- company's one in-transit location (kind 'transit'), receipt posts them out of it into the destination; both
-- postings carry the request as their document. So on hand = sum of the ledger holds while goods travel, and
-- the valuation counts them. One location per company rather than one per request: the ledger, levels and
-- reports need nothing new, and the request's own lines say what of the transit stock is whose.

ALTER TABLE locations DROP CONSTRAINT locations_kind_check;
ALTER TABLE locations ADD CONSTRAINT locations_kind_check CHECK (kind IN ('warehouse', 'workshop', 'store', 'transit'));
CREATE UNIQUE INDEX locations_one_transit ON locations (tenant_id) WHERE kind = 'transit';

-- Other modules (tills, supplier orders) never pick the in-transit location.
CREATE OR REPLACE VIEW inventory_locations WITH (security_invoker = true) AS
SELECT tenant_id, id, name, kind, address, phone, active
FROM locations
WHERE kind <> 'transit';

-- Every user who may move stock may move it into and out of transit (dispatch, receipt, a shortage found on
-- arrival); what travels for whom is on the request, which keeps its own walls.
CREATE OR REPLACE FUNCTION app_visible_locations() RETURNS SETOF uuid
    LANGUAGE sql STABLE
AS $$
    SELECT id FROM locations WHERE tenant_id = app_current_tenant() AND app_sees_all_locations()
    UNION
    SELECT location_id FROM user_locations WHERE tenant_id = app_current_tenant() AND user_id = app_current_user()
    UNION
    SELECT id FROM locations WHERE tenant_id = app_current_tenant() AND kind = 'transit'
$$;

-- V50's stock policies with one more place: transit. Who sees every location is read through platform's view.
ALTER POLICY stock_levels_tenant ON stock_levels
    USING (tenant_id = app_current_tenant() AND (
        app_current_user() IS NULL
        OR EXISTS (SELECT 1 FROM platform_user_permissions p
                   WHERE p.tenant_id = app_current_tenant() AND p.user_id = app_current_user()
                     AND p.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[])
        OR EXISTS (SELECT 1 FROM user_locations ul
                   WHERE ul.tenant_id = app_current_tenant() AND ul.user_id = app_current_user()
                     AND ul.location_id = stock_levels.location_id)
        OR EXISTS (SELECT 1 FROM locations t
                   WHERE t.tenant_id = app_current_tenant() AND t.id = stock_levels.location_id AND t.kind = 'transit')));

ALTER POLICY stock_ledger_tenant ON stock_ledger
    USING (tenant_id = app_current_tenant() AND (
        app_current_user() IS NULL
        OR EXISTS (SELECT 1 FROM platform_user_permissions p
                   WHERE p.tenant_id = app_current_tenant() AND p.user_id = app_current_user()
                     AND p.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[])
        OR EXISTS (SELECT 1 FROM user_locations ul
                   WHERE ul.tenant_id = app_current_tenant() AND ul.user_id = app_current_user()
                     AND ul.location_id = stock_ledger.location_id)
        OR EXISTS (SELECT 1 FROM locations t
                   WHERE t.tenant_id = app_current_tenant() AND t.id = stock_ledger.location_id AND t.kind = 'transit')));

-- Whether the current user works at the location (or at every one): the requests' wall, as a function call
-- so that the policies themselves hold no subquery (Citus refuses those).
CREATE FUNCTION app_works_at(location uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT app_sees_all_locations() OR EXISTS (
        SELECT 1 FROM user_locations
        WHERE tenant_id = app_current_tenant() AND user_id = app_current_user() AND location_id = location)
$$;
GRANT EXECUTE ON FUNCTION app_works_at(uuid) TO ${app_role};

-- The cart: what a user wants brought to a destination, until it becomes a request.
CREATE TABLE request_cart_items (
    tenant_id      uuid          NOT NULL,
    id             uuid          NOT NULL,
    user_id        uuid          NOT NULL,
    destination_id uuid          NOT NULL,
    item_id        uuid          NOT NULL,
    quantity       numeric(14,3) NOT NULL CHECK (quantity > 0),
    created_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, user_id, destination_id, item_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, destination_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);
SELECT app_protect_tenant_table('request_cart_items');
-- Each user's own cart.
ALTER POLICY request_cart_items_tenant ON request_cart_items
    USING (tenant_id = app_current_tenant() AND user_id = app_current_user());

-- The request's number per company, handed out under the counter row's lock.
CREATE TABLE transfer_request_counters (
    tenant_id   uuid   NOT NULL REFERENCES tenants (id),
    last_number bigint NOT NULL,
    PRIMARY KEY (tenant_id)
);
SELECT app_protect_tenant_table('transfer_request_counters');

CREATE TABLE transfer_requests (
    tenant_id       uuid         NOT NULL REFERENCES tenants (id),
    id              uuid         NOT NULL,
    number          bigint       NOT NULL,
    origin_id       uuid         NOT NULL,
    destination_id  uuid         NOT NULL CHECK (destination_id <> origin_id),
    requested_by    uuid         NOT NULL,
    status          varchar(12)  NOT NULL DEFAULT 'PENDIENTE'
                    CHECK (status IN ('PENDIENTE', 'ALISTAMIENTO', 'DESPACHADO', 'RECIBIDO', 'CANCELADO')),
    picked_at       timestamptz,
    dispatched_at   timestamptz,
    received_at     timestamptz,
    cancelled_at    timestamptz,
    transport_guide varchar(100),
    notes           text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, number),
    -- Lines and trace rows carry the request's two locations, so their walls need no subquery.
    UNIQUE (tenant_id, id, origin_id, destination_id),
    FOREIGN KEY (tenant_id, origin_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, destination_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, requested_by) REFERENCES users (tenant_id, id),
    CHECK ((status IN ('DESPACHADO', 'RECIBIDO')) = (dispatched_at IS NOT NULL)),
    CHECK ((status = 'RECIBIDO') = (received_at IS NOT NULL)),
    CHECK ((status = 'CANCELADO') = (cancelled_at IS NOT NULL))
);
CREATE INDEX transfer_requests_status_idx ON transfer_requests (tenant_id, status, id DESC);
CREATE INDEX transfer_requests_origin_idx ON transfer_requests (tenant_id, origin_id, id DESC);
CREATE INDEX transfer_requests_destination_idx ON transfer_requests (tenant_id, destination_id, id DESC);

CREATE TABLE transfer_request_lines (
    tenant_id          uuid          NOT NULL,
    request_id         uuid          NOT NULL,
    line_no            integer       NOT NULL CHECK (line_no > 0),
    origin_id          uuid          NOT NULL,
    destination_id     uuid          NOT NULL,
    item_id            uuid          NOT NULL,
    requested          numeric(14,3) NOT NULL CHECK (requested > 0),
    picked             numeric(14,3) CHECK (picked >= 0),
    dispatched         numeric(14,3) CHECK (dispatched >= 0),
    received           numeric(14,3) CHECK (received >= 0),
    -- The origin's average cost when dispatched: what arrives is valued as it left.
    unit_cost          numeric(14,4) CHECK (unit_cost >= 0),
    note               text,
    discrepancy_reason text,
    -- The adjustment that posted (or awaits approval for) a received quantity other than the dispatched one.
    adjustment_id      uuid,
    PRIMARY KEY (tenant_id, request_id, line_no),
    UNIQUE (tenant_id, request_id, item_id),
    FOREIGN KEY (tenant_id, request_id, origin_id, destination_id)
        REFERENCES transfer_requests (tenant_id, id, origin_id, destination_id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, adjustment_id) REFERENCES stock_adjustments (tenant_id, id),
    CHECK (received IS NULL OR received = dispatched OR btrim(coalesce(discrepancy_reason, '')) <> '')
);

-- One row per state change, written in the transaction of the change.
CREATE TABLE transfer_request_trace (
    tenant_id      uuid         NOT NULL,
    id             uuid         NOT NULL,
    request_id     uuid         NOT NULL,
    origin_id      uuid         NOT NULL,
    destination_id uuid         NOT NULL,
    from_status    varchar(12),
    to_status      varchar(12)  NOT NULL,
    user_id        uuid,
    changed_at     timestamptz  NOT NULL DEFAULT now(),
    comment        text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, request_id, origin_id, destination_id)
        REFERENCES transfer_requests (tenant_id, id, origin_id, destination_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX transfer_request_trace_request_idx ON transfer_request_trace (tenant_id, request_id, changed_at);

-- Seed 003's policy: a user sees a request when its origin or its destination is one of their locations.
SELECT app_protect_tenant_table(t) FROM unnest(ARRAY[
    'transfer_requests', 'transfer_request_lines', 'transfer_request_trace']::regclass[]) t;
ALTER POLICY transfer_requests_tenant ON transfer_requests
    USING (tenant_id = app_current_tenant() AND (app_works_at(origin_id) OR app_works_at(destination_id)));
ALTER POLICY transfer_request_lines_tenant ON transfer_request_lines
    USING (tenant_id = app_current_tenant() AND (app_works_at(origin_id) OR app_works_at(destination_id)));
ALTER POLICY transfer_request_trace_tenant ON transfer_request_trace
    USING (tenant_id = app_current_tenant() AND (app_works_at(origin_id) OR app_works_at(destination_id)));

GRANT SELECT, INSERT, UPDATE, DELETE ON request_cart_items TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON transfer_request_counters TO ${app_role};
GRANT SELECT, INSERT ON transfer_requests, transfer_request_lines, transfer_request_trace TO ${app_role};
-- What a request is (its places, requester, number) never changes; its progress does. The trace is append-only.
GRANT UPDATE (status, picked_at, dispatched_at, received_at, cancelled_at, transport_guide, updated_at)
    ON transfer_requests TO ${app_role};
GRANT UPDATE (picked, dispatched, received, unit_cost, discrepancy_reason, adjustment_id)
    ON transfer_request_lines TO ${app_role};

CREATE TRIGGER transfer_requests_audit AFTER INSERT OR UPDATE OR DELETE ON transfer_requests
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
