-- Sales: customers with purchase totals (seed 001), invoice series per point of
-- sale, sales with line snapshots and payments (seeds 000 and 001), and
-- returns (seed 000 devoluciones). Stock moves only through the ledger
-- (document_type 'sale' / 'sale_return'); these tables hold the documents.

CREATE TABLE customers (
    tenant_id        uuid          NOT NULL REFERENCES tenants (id),
    id               uuid          NOT NULL,
    -- DNI, RUC, CC, NIT, PASSPORT...: stored upper-case, as the number.
    document_type    varchar(20)   NOT NULL CHECK (document_type ~ '^[A-Z0-9_-]+$'),
    document_number  varchar(50)   NOT NULL CHECK (btrim(document_number) <> '' AND document_number = upper(btrim(document_number))),
    first_name       varchar(100)  NOT NULL CHECK (btrim(first_name) <> ''),
    -- A company has one name: the last name is optional.
    last_name        varchar(100),
    email            varchar(254)  CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    phone            varchar(50),
    address          text,
    city             varchar(100),
    country          varchar(100),
    notes            text,
    active           boolean       NOT NULL DEFAULT true,
    -- Kept by completed sales, cancellations and refunds in their own transactions:
    -- total = sum over completed sales of (total - refunded), count = completed sales.
    total_purchases  numeric(14,2) NOT NULL DEFAULT 0 CHECK (total_purchases >= 0),
    purchase_count   integer       NOT NULL DEFAULT 0 CHECK (purchase_count >= 0),
    last_purchase_at timestamptz,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    version          bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX customers_document_key ON customers (tenant_id, document_type, document_number) WHERE deleted_at IS NULL;
CREATE INDEX customers_email_idx ON customers (tenant_id, lower(email));
CREATE INDEX customers_phone_idx ON customers (tenant_id, phone);
CREATE INDEX customers_recent_idx ON customers (tenant_id, last_purchase_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX customers_name_trgm_idx ON customers USING gin ((lower(first_name || ' ' || coalesce(last_name, ''))) gin_trgm_ops);

-- One numbering per point of sale (F001, F002...): next_number is taken with
-- UPDATE ... RETURNING inside the completing transaction, so a rolled-back sale
-- gives its number back and numbers stay gapless.
CREATE TABLE invoice_series (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    code        varchar(10) NOT NULL CHECK (code ~ '^[A-Z0-9]{1,10}$'),
    location_id uuid        NOT NULL,
    next_number bigint      NOT NULL DEFAULT 1 CHECK (next_number >= 1),
    is_default  boolean     NOT NULL DEFAULT false,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    CHECK (active OR NOT is_default)
);
CREATE UNIQUE INDEX invoice_series_code_key ON invoice_series (tenant_id, code);
CREATE UNIQUE INDEX invoice_series_default_key ON invoice_series (tenant_id, location_id) WHERE is_default;

CREATE TABLE sales (
    tenant_id           uuid          NOT NULL REFERENCES tenants (id),
    id                  uuid          NOT NULL,
    status              varchar(20)   NOT NULL CHECK (status IN ('pending', 'completed', 'cancelled')),
    location_id         uuid          NOT NULL,
    series_id           uuid,
    invoice_number      bigint        CHECK (invoice_number >= 1),
    customer_id         uuid,
    user_id             uuid,
    currency            char(3)       NOT NULL,
    prices_include_tax  boolean       NOT NULL,
    -- subtotal = sum of quantity x unit price; discount = line discounts + the sale's discount;
    -- total = subtotal - discount (+ tax when prices exclude it); each the exact sum of its lines.
    subtotal            numeric(14,2) NOT NULL CHECK (subtotal >= 0),
    sale_discount       numeric(14,2) NOT NULL DEFAULT 0 CHECK (sale_discount >= 0),
    discount            numeric(14,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    tax                 numeric(14,2) NOT NULL DEFAULT 0 CHECK (tax >= 0),
    total               numeric(14,2) NOT NULL CHECK (total >= 0),
    tendered            numeric(14,2) NOT NULL DEFAULT 0 CHECK (tendered >= 0),
    change_due          numeric(14,2) NOT NULL DEFAULT 0 CHECK (change_due >= 0),
    refunded            numeric(14,2) NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= total),
    payment_method      varchar(20)   CHECK (payment_method IN ('cash', 'card', 'transfer', 'other', 'mixed')),
    notes               text,
    sale_date           timestamptz   NOT NULL DEFAULT now(),
    completed_at        timestamptz,
    cancelled_at        timestamptz,
    cancelled_by        uuid,
    cancellation_reason text,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    version             bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, series_id) REFERENCES invoice_series (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, cancelled_by) REFERENCES users (tenant_id, id),
    -- A number is taken at completion and kept by a cancellation; a pending sale has none.
    CHECK ((completed_at IS NULL) = (invoice_number IS NULL) AND (series_id IS NULL) = (invoice_number IS NULL)),
    CHECK (status <> 'completed' OR invoice_number IS NOT NULL),
    CHECK (status = 'cancelled' OR cancelled_at IS NULL),
    CHECK (status <> 'cancelled' OR (cancelled_at IS NOT NULL AND cancellation_reason IS NOT NULL))
);
CREATE UNIQUE INDEX sales_invoice_key ON sales (tenant_id, series_id, invoice_number);
CREATE INDEX sales_date_idx ON sales (tenant_id, sale_date DESC);
CREATE INDEX sales_customer_idx ON sales (tenant_id, customer_id, sale_date DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX sales_user_idx ON sales (tenant_id, user_id);
CREATE INDEX sales_location_idx ON sales (tenant_id, location_id, sale_date DESC);
CREATE INDEX sales_status_idx ON sales (tenant_id, status, sale_date DESC);

CREATE TABLE sale_lines (
    tenant_id         uuid          NOT NULL,
    id                uuid          NOT NULL,
    sale_id           uuid          NOT NULL,
    position          integer       NOT NULL CHECK (position >= 1),
    item_id           uuid          NOT NULL,
    -- Snapshots (seed 001): the sale reads the same whatever the item becomes.
    item_name         varchar(200)  NOT NULL,
    item_sku          varchar(64)   NOT NULL,
    quantity          numeric(14,3) NOT NULL CHECK (quantity > 0),
    unit_price        numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    subtotal          numeric(14,2) NOT NULL CHECK (subtotal >= 0),
    discount_percent  numeric(5,2)  NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    discount          numeric(14,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    sale_discount     numeric(14,2) NOT NULL DEFAULT 0 CHECK (sale_discount >= 0),
    tax_rate          numeric(5,2)  NOT NULL CHECK (tax_rate >= 0 AND tax_rate < 100),
    tax               numeric(14,2) NOT NULL CHECK (tax >= 0),
    total             numeric(14,2) NOT NULL CHECK (total >= 0),
    -- The average cost the stock left at, from the sale's ledger row: returns come back at it.
    unit_cost         numeric(14,4),
    returned_quantity numeric(14,3) NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0 AND returned_quantity <= quantity),
    returned_amount   numeric(14,2) NOT NULL DEFAULT 0 CHECK (returned_amount >= 0 AND returned_amount <= total),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, sale_id, position),
    FOREIGN KEY (tenant_id, sale_id) REFERENCES sales (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    CHECK (discount + sale_discount <= subtotal)
);
CREATE INDEX sale_lines_item_idx ON sale_lines (tenant_id, item_id);

CREATE TABLE sale_payments (
    tenant_id  uuid          NOT NULL,
    id         uuid          NOT NULL,
    sale_id    uuid          NOT NULL,
    position   integer       NOT NULL CHECK (position >= 1),
    method     varchar(20)   NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'other')),
    -- amount: what pays the sale; tendered: what was handed over (more than the amount only in cash).
    amount     numeric(14,2) NOT NULL CHECK (amount > 0),
    tendered   numeric(14,2) NOT NULL CHECK (tendered >= amount),
    change_due numeric(14,2) NOT NULL CHECK (change_due = tendered - amount),
    reference  varchar(100),
    created_at timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, sale_id, position),
    FOREIGN KEY (tenant_id, sale_id) REFERENCES sales (tenant_id, id),
    CHECK (method = 'cash' OR tendered = amount)
);

CREATE TABLE sale_returns (
    tenant_id     uuid          NOT NULL REFERENCES tenants (id),
    id            uuid          NOT NULL,
    sale_id       uuid          NOT NULL,
    -- Where restocked lines went back into stock; damaged lines move no stock.
    location_id   uuid          NOT NULL,
    value         numeric(14,2) NOT NULL CHECK (value >= 0),
    refund_amount numeric(14,2) NOT NULL CHECK (refund_amount >= 0 AND refund_amount <= value),
    refund_method varchar(20)   NOT NULL CHECK (refund_method IN ('cash', 'card', 'transfer', 'other')),
    reason        text          NOT NULL CHECK (btrim(reason) <> ''),
    user_id       uuid,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, sale_id) REFERENCES sales (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX sale_returns_sale_idx ON sale_returns (tenant_id, sale_id);
CREATE INDEX sale_returns_date_idx ON sale_returns (tenant_id, created_at DESC);

CREATE TABLE sale_return_lines (
    tenant_id    uuid          NOT NULL,
    id           uuid          NOT NULL,
    return_id    uuid          NOT NULL,
    sale_line_id uuid          NOT NULL,
    item_id      uuid          NOT NULL,
    quantity     numeric(14,3) NOT NULL CHECK (quantity > 0),
    restocked    boolean       NOT NULL,
    unit_cost    numeric(14,4),
    value        numeric(14,2) NOT NULL CHECK (value >= 0),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, return_id) REFERENCES sale_returns (tenant_id, id),
    FOREIGN KEY (tenant_id, sale_line_id) REFERENCES sale_lines (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);
CREATE INDEX sale_return_lines_return_idx ON sale_return_lines (tenant_id, return_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['customers', 'invoice_series', 'sales', 'sale_lines', 'sale_payments', 'sale_returns',
                             'sale_return_lines'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant())', t || '_tenant', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON customers, invoice_series, sales, sale_lines TO ${app_role};
-- Payments and returns are records of what happened: never edited.
GRANT SELECT, INSERT ON sale_payments, sale_returns, sale_return_lines TO ${app_role};

-- Master data is audited; sales and returns carry their own history (who, when, why). Purchase totals
-- and the next invoice number change with every sale: they are not edits, so they are left out.
CREATE TRIGGER customers_audit AFTER INSERT OR DELETE OR UPDATE OF document_type, document_number, first_name,
    last_name, email, phone, address, city, country, notes, active, deleted_at ON customers
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER invoice_series_audit AFTER INSERT OR DELETE OR UPDATE OF code, location_id, is_default, active
    ON invoice_series
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
