-- Catalog: category tree, units of measure, items (products and parts: one model),
-- price history, suppliers and item-supplier links. Seeds 000, 001, 003, 004.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories (
    tenant_id   uuid         NOT NULL REFERENCES tenants (id),
    id          uuid         NOT NULL,
    parent_id   uuid,
    name        varchar(120) NOT NULL CHECK (btrim(name) <> ''),
    description text,
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES categories (tenant_id, id),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
-- Siblings have distinct names; the root level too.
CREATE UNIQUE INDEX categories_name_key ON categories (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name));

-- A category may not become its own ancestor: checked in the database, whatever the caller.
CREATE FUNCTION categories_refuse_cycle() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.parent_id IS NOT NULL AND EXISTS (
        WITH RECURSIVE ancestors(id, parent_id) AS (
            SELECT c.id, c.parent_id FROM categories c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.parent_id
            UNION ALL
            SELECT c.id, c.parent_id FROM categories c JOIN ancestors a ON c.tenant_id = NEW.tenant_id AND c.id = a.parent_id
        ) CYCLE id SET is_cycle USING path
        SELECT 1 FROM ancestors WHERE id = NEW.id) THEN
        RAISE EXCEPTION 'category % cannot be moved under its own descendant', NEW.id
            USING ERRCODE = 'P0001', HINT = 'category-cycle';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER categories_no_cycle BEFORE INSERT OR UPDATE OF parent_id ON categories
    FOR EACH ROW EXECUTE FUNCTION categories_refuse_cycle();

-- Units of measure are shared by every tenant: a fixed reference list, like currencies.
CREATE TABLE units (
    code     varchar(16) PRIMARY KEY CHECK (code ~ '^[a-z0-9]+$'),
    name_es  varchar(60) NOT NULL,
    name_en  varchar(60) NOT NULL,
    -- How many decimals a quantity in this unit may have: 0 for pieces, up to 3 for bulk material.
    decimals smallint    NOT NULL CHECK (decimals BETWEEN 0 AND 3)
);
INSERT INTO units (code, name_es, name_en, decimals) VALUES
    ('pcs', 'unidades', 'pieces', 0),
    ('pair', 'pares', 'pairs', 0),
    ('box', 'cajas', 'boxes', 0),
    ('set', 'juegos', 'sets', 0),
    ('kg', 'kilogramos', 'kilograms', 3),
    ('g', 'gramos', 'grams', 0),
    ('l', 'litros', 'litres', 3),
    ('ml', 'mililitros', 'millilitres', 0),
    ('m', 'metros', 'metres', 2),
    ('m2', 'metros cuadrados', 'square metres', 2),
    ('gal', 'galones', 'gallons', 3);
GRANT SELECT ON units TO ${app_role};

CREATE TABLE suppliers (
    tenant_id     uuid         NOT NULL REFERENCES tenants (id),
    id            uuid         NOT NULL,
    name          varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    tax_id        varchar(40),
    contact_name  varchar(200),
    email         varchar(254) CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    phone         varchar(32)  CHECK (phone IS NULL OR phone ~ '^\+?[0-9 ()-]{6,31}$'),
    address       text,
    city          varchar(100),
    country       varchar(2),
    notes         text,
    active        boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    version       bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX suppliers_name_key ON suppliers (tenant_id, lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE items (
    tenant_id                  uuid          NOT NULL REFERENCES tenants (id),
    id                         uuid          NOT NULL,
    sku                        varchar(64)   NOT NULL CHECK (btrim(sku) <> ''),
    barcode                    varchar(64),
    name                       varchar(200)  NOT NULL CHECK (btrim(name) <> ''),
    description                text,
    brand                      varchar(100),
    category_id                uuid,
    kind                       varchar(20)   NOT NULL DEFAULT 'consumable' CHECK (kind IN ('consumable', 'bulk_material')),
    unit_code                  varchar(16)   NOT NULL DEFAULT 'pcs' REFERENCES units (code),
    cost_price                 numeric(14,2) NOT NULL DEFAULT 0 CHECK (cost_price >= 0),
    sale_price                 numeric(14,2) NOT NULL DEFAULT 0 CHECK (sale_price >= 0),
    min_stock                  numeric(14,3) NOT NULL DEFAULT 0 CHECK (min_stock >= 0),
    max_stock                  numeric(14,3) CHECK (max_stock IS NULL OR max_stock >= min_stock),
    proprietary                boolean       NOT NULL DEFAULT false,
    manufacturer_part_number   varchar(64),
    manufacturer_delivery_days integer       CHECK (manufacturer_delivery_days >= 0),
    supplier_delivery_days     integer       CHECK (supplier_delivery_days >= 0),
    discontinued               boolean       NOT NULL DEFAULT false,
    restock_eta                date,
    image_urls                 text[]        NOT NULL DEFAULT '{}',
    active                     boolean       NOT NULL DEFAULT true,
    created_at                 timestamptz   NOT NULL DEFAULT now(),
    updated_at                 timestamptz   NOT NULL DEFAULT now(),
    deleted_at                 timestamptz,
    version                    bigint        NOT NULL DEFAULT 0,
    -- Row-level security keeps non-leakproof functions such as lower() out of index conditions,
    -- so case-insensitive SKU lookups compare this stored key with plain =.
    sku_key                    varchar(64)   GENERATED ALWAYS AS (lower(sku)) STORED,
    search                     tsvector      GENERATED ALWAYS AS (
        setweight(to_tsvector('spanish', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('spanish', coalesce(brand, '')), 'B') ||
        setweight(to_tsvector('spanish', coalesce(description, '')), 'C')) STORED,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id)
);
CREATE UNIQUE INDEX items_sku_key ON items (tenant_id, sku_key) WHERE deleted_at IS NULL;
-- A scanner looks up by exact barcode: one index probe.
CREATE UNIQUE INDEX items_barcode_key ON items (tenant_id, barcode) WHERE deleted_at IS NULL AND barcode IS NOT NULL;
CREATE INDEX items_search_idx ON items USING gin (search);
CREATE INDEX items_name_trgm_idx ON items USING gin (lower(name) gin_trgm_ops);
CREATE INDEX items_sku_trgm_idx ON items USING gin (lower(sku) gin_trgm_ops);
CREATE INDEX items_barcode_trgm_idx ON items USING gin (barcode gin_trgm_ops);
CREATE INDEX items_category_idx ON items (tenant_id, category_id);

CREATE TABLE item_price_history (
    tenant_id      uuid          NOT NULL,
    id             uuid          NOT NULL,
    item_id        uuid          NOT NULL,
    old_cost_price numeric(14,2),
    new_cost_price numeric(14,2) NOT NULL,
    old_sale_price numeric(14,2),
    new_sale_price numeric(14,2) NOT NULL,
    changed_by     uuid,
    changed_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, changed_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX item_price_history_item_idx ON item_price_history (tenant_id, item_id, changed_at DESC);

-- Seed 000's price trigger read a column its table lacked; this one reads the transaction's user.
CREATE FUNCTION items_record_price_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.cost_price IS DISTINCT FROM OLD.cost_price OR NEW.sale_price IS DISTINCT FROM OLD.sale_price THEN
        INSERT INTO item_price_history (tenant_id, id, item_id, old_cost_price, new_cost_price, old_sale_price,
                                        new_sale_price, changed_by)
        VALUES (NEW.tenant_id, gen_random_uuid(), NEW.id,
                CASE WHEN TG_OP = 'UPDATE' THEN OLD.cost_price END, NEW.cost_price,
                CASE WHEN TG_OP = 'UPDATE' THEN OLD.sale_price END, NEW.sale_price,
                app_current_user());
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER items_price_history AFTER INSERT OR UPDATE OF cost_price, sale_price ON items
    FOR EACH ROW EXECUTE FUNCTION items_record_price_change();

CREATE TABLE item_suppliers (
    tenant_id      uuid          NOT NULL,
    item_id        uuid          NOT NULL,
    supplier_id    uuid          NOT NULL,
    supplier_code  varchar(64),
    last_price     numeric(14,2) CHECK (last_price >= 0),
    lead_time_days integer       CHECK (lead_time_days >= 0),
    preferred      boolean       NOT NULL DEFAULT false,
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, item_id, supplier_id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, supplier_id) REFERENCES suppliers (tenant_id, id)
);
CREATE INDEX item_suppliers_supplier_idx ON item_suppliers (tenant_id, supplier_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['categories', 'suppliers', 'items', 'item_price_history', 'item_suppliers'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant())', t || '_tenant', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON categories, suppliers, items, item_suppliers TO ${app_role};
GRANT DELETE ON item_suppliers TO ${app_role};
-- Price history is written by the trigger only; the application reads it.
GRANT SELECT ON item_price_history TO ${app_role};

CREATE TRIGGER categories_audit AFTER INSERT OR UPDATE OR DELETE ON categories
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER suppliers_audit AFTER INSERT OR UPDATE OR DELETE ON suppliers
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER items_audit AFTER INSERT OR UPDATE OR DELETE ON items
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER item_suppliers_audit AFTER INSERT OR UPDATE OR DELETE ON item_suppliers
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
