-- Customer orders (seed 004 customer_orders, customer_order_items): a partner organization orders parts from the
-- company for one of its own warehouses. draft → submitted → approved → partially_shipped → shipped → delivered;
-- cancelled by the partner while draft or submitted, rejected by the staff (with a reason) while submitted.
-- Each shipment is a completed sale to the organization's customer record (its invoice) plus a receipt into the
-- partner's warehouse; an item's shipped quantity never exceeds what was ordered.

-- The order's number per company, handed out under the counter row's lock (as transfer requests do).
CREATE TABLE customer_order_counters (
    tenant_id   uuid   NOT NULL REFERENCES tenants (id),
    last_number bigint NOT NULL,
    PRIMARY KEY (tenant_id)
);
SELECT app_protect_tenant_table('customer_order_counters');

CREATE TABLE customer_orders (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    id                uuid        NOT NULL,
    number            bigint      NOT NULL CHECK (number >= 1),
    organization_id   uuid        NOT NULL,
    -- The partner's own warehouse the parts go to.
    destination_id    uuid        NOT NULL,
    status            varchar(20) NOT NULL DEFAULT 'draft'
                      CHECK (status IN ('draft', 'submitted', 'approved', 'partially_shipped', 'shipped',
                                        'delivered', 'cancelled', 'rejected')),
    -- When the partner placed it (submitted); the draft's creation until then.
    order_date        timestamptz NOT NULL DEFAULT now(),
    expected_delivery date,
    actual_delivery   timestamptz,
    ordered_by        uuid,
    approved_by       uuid,
    approved_at       timestamptz,
    -- Why it was rejected or cancelled.
    reason            text,
    notes             text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES partner_organizations (tenant_id, id),
    FOREIGN KEY (tenant_id, destination_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, ordered_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, approved_by) REFERENCES users (tenant_id, id),
    CHECK (status <> 'rejected' OR btrim(reason) <> ''),
    CHECK ((status = 'delivered') = (actual_delivery IS NOT NULL)),
    CHECK (approved_at IS NULL OR status IN ('approved', 'partially_shipped', 'shipped', 'delivered'))
);
CREATE UNIQUE INDEX customer_orders_number_key ON customer_orders (tenant_id, number);
CREATE INDEX customer_orders_organization_idx ON customer_orders (tenant_id, organization_id, status, id DESC);
CREATE INDEX customer_orders_status_idx ON customer_orders (tenant_id, status, id DESC);

CREATE TABLE customer_order_items (
    tenant_id        uuid          NOT NULL,
    id               uuid          NOT NULL,
    order_id         uuid          NOT NULL,
    position         integer       NOT NULL CHECK (position >= 1),
    item_id          uuid          NOT NULL,
    quantity         numeric(14,3) NOT NULL CHECK (quantity > 0),
    shipped_quantity numeric(14,3) NOT NULL DEFAULT 0 CHECK (shipped_quantity >= 0 AND shipped_quantity <= quantity),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, order_id, item_id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES customer_orders (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);
CREATE INDEX customer_order_items_item_idx ON customer_order_items (tenant_id, item_id);

-- One shipment: from a company warehouse to the order's destination, invoiced by its sale.
CREATE TABLE customer_order_shipments (
    tenant_id      uuid        NOT NULL,
    id             uuid        NOT NULL,
    order_id       uuid        NOT NULL,
    from_location  uuid        NOT NULL,
    to_location    uuid        NOT NULL,
    sale_id        uuid        NOT NULL,
    shipped_by     uuid,
    shipped_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES customer_orders (tenant_id, id),
    FOREIGN KEY (tenant_id, from_location) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, to_location) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, sale_id) REFERENCES sales (tenant_id, id),
    FOREIGN KEY (tenant_id, shipped_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX customer_order_shipments_order_idx ON customer_order_shipments (tenant_id, order_id);

CREATE TABLE customer_order_shipment_lines (
    tenant_id     uuid          NOT NULL,
    shipment_id   uuid          NOT NULL,
    order_id      uuid          NOT NULL,
    order_item_id uuid          NOT NULL,
    quantity      numeric(14,3) NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (tenant_id, shipment_id, order_item_id),
    FOREIGN KEY (tenant_id, shipment_id) REFERENCES customer_order_shipments (tenant_id, id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES customer_orders (tenant_id, id),
    FOREIGN KEY (tenant_id, order_item_id) REFERENCES customer_order_items (tenant_id, id)
);

-- Every change of state, who made it and why: the order's history as the partner and the staff read it.
CREATE TABLE customer_order_history (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    order_id    uuid        NOT NULL,
    from_status varchar(20),
    to_status   varchar(20) NOT NULL,
    user_id     uuid,
    reason      text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES customer_orders (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX customer_order_history_order_idx ON customer_order_history (tenant_id, order_id, created_at);

SELECT app_protect_tenant_table(t) FROM unnest(ARRAY[
    'customer_orders', 'customer_order_items', 'customer_order_shipments', 'customer_order_shipment_lines',
    'customer_order_history'
]::regclass[]) t;

-- Partner walls (V119): a partner user sees and writes its own organization's orders, and their lines, shipments
-- and history through the order's own row-level security (a function, as V121 does for sale lines).
CREATE POLICY customer_orders_partner ON customer_orders AS RESTRICTIVE USING (app_partner_sees(organization_id));
CREATE FUNCTION app_partner_ordered(customer_order uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM customer_orders WHERE tenant_id = app_current_tenant() AND id = customer_order)
$$;
GRANT EXECUTE ON FUNCTION app_partner_ordered(uuid) TO ${app_role};
CREATE POLICY customer_order_items_partner ON customer_order_items AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_ordered(order_id));
CREATE POLICY customer_order_shipments_partner ON customer_order_shipments AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_ordered(order_id));
CREATE POLICY customer_order_shipment_lines_partner ON customer_order_shipment_lines AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_ordered(order_id));
CREATE POLICY customer_order_history_partner ON customer_order_history AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_ordered(order_id));
-- What only the staff decide, the database refuses a partner as well: it changes its orders only until the staff
-- decide (draft, submitted), only into its own states (draft, submitted, cancelled), and ships nothing.
CREATE POLICY customer_orders_partner_states ON customer_orders AS RESTRICTIVE FOR UPDATE
    USING (app_current_partner() IS NULL OR status IN ('draft', 'submitted'))
    WITH CHECK (app_current_partner() IS NULL OR status IN ('draft', 'submitted', 'cancelled'));
CREATE POLICY customer_order_shipments_staff_write ON customer_order_shipments AS RESTRICTIVE FOR INSERT
    WITH CHECK (app_current_partner() IS NULL);

GRANT SELECT, INSERT, UPDATE ON customer_order_counters, customer_orders TO ${app_role};
-- A draft's lines are replaced as the partner edits it; shipped quantities grow with each shipment.
GRANT SELECT, INSERT, UPDATE, DELETE ON customer_order_items TO ${app_role};
-- Shipments and history are records of what happened: never edited.
GRANT SELECT, INSERT ON customer_order_shipments, customer_order_shipment_lines, customer_order_history
    TO ${app_role};
