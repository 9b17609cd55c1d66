-- Purchasing: supplier orders with lines (seed 000 pedidos_proveedores, seed 004
-- supplier_orders), numbered per tenant, and the deliveries that receive them
-- (several per order). Stock moves only through the ledger (document_type
-- 'supplier_receipt'); each delivery keeps the id of its posting.

-- Order numbers (OC-000001...): next_number is taken with an upsert ... RETURNING inside the creating
-- transaction, so a rolled-back order gives its number back and numbers stay gapless.
CREATE TABLE supplier_order_counters (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    next_number bigint      NOT NULL DEFAULT 1 CHECK (next_number >= 1),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);

CREATE TABLE supplier_orders (
    tenant_id           uuid          NOT NULL REFERENCES tenants (id),
    id                  uuid          NOT NULL,
    number              bigint        NOT NULL CHECK (number >= 1),
    supplier_id         uuid          NOT NULL,
    -- Where deliveries go unless a delivery names another location.
    location_id         uuid          NOT NULL,
    status              varchar(20)   NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'sent', 'partially_received', 'received', 'cancelled')),
    order_date          date          NOT NULL,
    expected_date       date,
    currency            char(3)       NOT NULL,
    -- total = sum of the lines' totals; received_value = sum of the deliveries' values.
    total               numeric(14,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
    received_value      numeric(14,2) NOT NULL DEFAULT 0 CHECK (received_value >= 0),
    notes               text,
    sent_at             timestamptz,
    -- When the last outstanding quantity arrived (the order became 'received').
    received_at         timestamptz,
    cancelled_at        timestamptz,
    cancelled_by        uuid,
    cancellation_reason text,
    created_by          uuid,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    version             bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, supplier_id) REFERENCES suppliers (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, cancelled_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    CHECK (expected_date IS NULL OR expected_date >= order_date),
    CHECK (status NOT IN ('sent', 'partially_received', 'received') OR sent_at IS NOT NULL),
    CHECK ((status = 'received') = (received_at IS NOT NULL)),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CHECK (status <> 'cancelled' OR cancellation_reason IS NOT NULL)
);
CREATE UNIQUE INDEX supplier_orders_number_key ON supplier_orders (tenant_id, number);
CREATE INDEX supplier_orders_status_idx ON supplier_orders (tenant_id, status, id DESC);
CREATE INDEX supplier_orders_supplier_idx ON supplier_orders (tenant_id, supplier_id, id DESC);
CREATE INDEX supplier_orders_date_idx ON supplier_orders (tenant_id, order_date);
CREATE INDEX supplier_orders_location_idx ON supplier_orders (tenant_id, location_id);

CREATE TABLE supplier_order_lines (
    tenant_id         uuid          NOT NULL,
    id                uuid          NOT NULL,
    order_id          uuid          NOT NULL,
    position          integer       NOT NULL CHECK (position >= 1),
    item_id           uuid          NOT NULL,
    -- Snapshots: the order reads the same whatever the item becomes.
    item_sku          varchar(64)   NOT NULL,
    item_name         varchar(200)  NOT NULL,
    quantity          numeric(14,3) NOT NULL CHECK (quantity > 0),
    unit_cost         numeric(14,4) NOT NULL CHECK (unit_cost >= 0),
    line_total        numeric(14,2) NOT NULL CHECK (line_total >= 0),
    -- May exceed the quantity ordered: an over-receipt confirmed by the receiver.
    received_quantity numeric(14,3) NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, order_id, position),
    UNIQUE (tenant_id, order_id, item_id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES supplier_orders (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);
CREATE INDEX supplier_order_lines_item_idx ON supplier_order_lines (tenant_id, item_id);

-- One delivery: who received what, when, where, and the stock posting that put it into stock.
CREATE TABLE supplier_receipts (
    tenant_id      uuid          NOT NULL REFERENCES tenants (id),
    id             uuid          NOT NULL,
    order_id       uuid          NOT NULL,
    -- 1, 2, 3... within the order.
    sequence       integer       NOT NULL CHECK (sequence >= 1),
    location_id    uuid          NOT NULL,
    posting_id     uuid          NOT NULL,
    value          numeric(14,2) NOT NULL CHECK (value >= 0),
    over_receipt   boolean       NOT NULL DEFAULT false,
    note           text,
    received_by    uuid,
    received_at    timestamptz   NOT NULL DEFAULT now(),
    created_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, order_id, sequence),
    FOREIGN KEY (tenant_id, order_id) REFERENCES supplier_orders (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, posting_id) REFERENCES stock_postings (tenant_id, id),
    FOREIGN KEY (tenant_id, received_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX supplier_receipts_date_idx ON supplier_receipts (tenant_id, received_at DESC);

CREATE TABLE supplier_receipt_lines (
    tenant_id     uuid          NOT NULL,
    id            uuid          NOT NULL,
    receipt_id    uuid          NOT NULL,
    order_line_id uuid          NOT NULL,
    item_id       uuid          NOT NULL,
    quantity      numeric(14,3) NOT NULL CHECK (quantity > 0),
    unit_cost     numeric(14,4) NOT NULL CHECK (unit_cost >= 0),
    value         numeric(14,2) NOT NULL CHECK (value >= 0),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, receipt_id) REFERENCES supplier_receipts (tenant_id, id),
    FOREIGN KEY (tenant_id, order_line_id) REFERENCES supplier_order_lines (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);
CREATE INDEX supplier_receipt_lines_receipt_idx ON supplier_receipt_lines (tenant_id, receipt_id);
CREATE INDEX supplier_receipt_lines_order_line_idx ON supplier_receipt_lines (tenant_id, order_line_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['supplier_order_counters', 'supplier_orders', 'supplier_order_lines', 'supplier_receipts',
                             'supplier_receipt_lines'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant())', t || '_tenant', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON supplier_order_counters, supplier_orders, supplier_order_lines TO ${app_role};
-- A draft's lines are replaced when the draft is edited.
GRANT DELETE ON supplier_order_lines TO ${app_role};
-- Deliveries are records of what happened: never edited.
GRANT SELECT, INSERT ON supplier_receipts, supplier_receipt_lines TO ${app_role};

-- Orders and their lines are edited while draft and change state afterwards: audited. Received quantities and
-- values move with every delivery, which carries its own history (who, when, where), so they are left out.
CREATE TRIGGER supplier_orders_audit AFTER INSERT OR DELETE OR UPDATE OF supplier_id, location_id, status, order_date,
    expected_date, notes, total, sent_at, cancelled_at, cancelled_by, cancellation_reason ON supplier_orders
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER supplier_order_lines_audit AFTER INSERT OR DELETE OR UPDATE OF item_id, quantity, unit_cost
    ON supplier_order_lines
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
