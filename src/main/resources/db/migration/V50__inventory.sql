-- Inventory: locations, who may work where, stock levels and the append-only
-- stock ledger. Stock levels change only as a consequence of ledger rows: a
-- trigger applies each row to its level, so on_hand always equals the sum of
-- the ledger, whatever code inserts the row.

CREATE TABLE locations (
    tenant_id  uuid         NOT NULL REFERENCES tenants (id),
    id         uuid         NOT NULL,
    name       varchar(120) NOT NULL CHECK (btrim(name) <> ''),
    kind       varchar(20)  NOT NULL DEFAULT 'warehouse' CHECK (kind IN ('warehouse', 'workshop', 'store')),
    address    text,
    phone      varchar(32),
    active     boolean      NOT NULL DEFAULT true,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    version    bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX locations_name_key ON locations (tenant_id, lower(name));

-- Seed 003 usuarios_localizacion: a user who may not see every location works only at these.
CREATE TABLE user_locations (
    tenant_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    location_id uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, location_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id)
);

-- Who sees every location: jobs without a user, and holders of inventory.all_locations
-- (directly or through '*', 'inventory.*' or '*.all_locations').
CREATE FUNCTION app_sees_all_locations() RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT app_current_user() IS NULL OR EXISTS (
        SELECT 1 FROM user_roles ur
        JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
        WHERE ur.tenant_id = app_current_tenant() AND ur.user_id = app_current_user()
          AND r.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[])
$$;

-- The locations the current user may work at; evaluated once per query (an InitPlan), not per row.
CREATE FUNCTION app_visible_locations() RETURNS SETOF uuid
    LANGUAGE sql STABLE
AS $$
    SELECT id FROM locations WHERE tenant_id = app_current_tenant() AND app_sees_all_locations()
    UNION
    SELECT location_id FROM user_locations WHERE tenant_id = app_current_tenant() AND user_id = app_current_user()
$$;
GRANT EXECUTE ON FUNCTION app_sees_all_locations(), app_visible_locations() TO ${app_role};

CREATE TABLE stock_levels (
    tenant_id            uuid          NOT NULL,
    location_id          uuid          NOT NULL,
    item_id              uuid          NOT NULL,
    on_hand              numeric(14,3) NOT NULL DEFAULT 0,
    avg_cost             numeric(14,4) NOT NULL DEFAULT 0 CHECK (avg_cost >= 0),
    -- Overrides the item's minimum at this location when set.
    min_stock            numeric(14,3) CHECK (min_stock >= 0),
    bin                  varchar(40),
    count_frequency_days integer       CHECK (count_frequency_days > 0),
    new_until            timestamptz,
    below_min            boolean       NOT NULL DEFAULT false,
    last_movement_at     timestamptz,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, location_id, item_id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);
CREATE INDEX stock_levels_item_idx ON stock_levels (tenant_id, item_id);
CREATE INDEX stock_levels_below_min_idx ON stock_levels (tenant_id, location_id) WHERE below_min;

CREATE TABLE stock_postings (
    tenant_id     uuid         NOT NULL REFERENCES tenants (id),
    id            uuid         NOT NULL,
    kind          varchar(30)  NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    document_type varchar(40),
    document_id   uuid,
    reason        varchar(40),
    note          text,
    user_id       uuid,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX stock_postings_document_idx ON stock_postings (tenant_id, document_type, document_id);

CREATE TABLE stock_ledger (
    tenant_id         uuid          NOT NULL,
    id                uuid          NOT NULL,
    posting_id        uuid          NOT NULL,
    location_id       uuid          NOT NULL,
    item_id           uuid          NOT NULL,
    movement_type     varchar(30)   NOT NULL CHECK (movement_type ~ '^[a-z_]+$'),
    quantity          numeric(14,3) NOT NULL CHECK (quantity <> 0),
    on_hand_before    numeric(14,3) NOT NULL,
    on_hand_after     numeric(14,3) NOT NULL CHECK (on_hand_after = on_hand_before + quantity),
    -- Receipts bring their cost; every other row carries the level's average cost at that moment.
    unit_cost         numeric(14,4) NOT NULL CHECK (unit_cost >= 0),
    document_type     varchar(40),
    document_id       uuid,
    reason            varchar(40),
    user_id           uuid,
    crossed_below_min boolean       NOT NULL DEFAULT false,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, posting_id) REFERENCES stock_postings (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX stock_ledger_item_idx ON stock_ledger (tenant_id, item_id, created_at);
CREATE INDEX stock_ledger_level_idx ON stock_ledger (tenant_id, location_id, item_id);
CREATE INDEX stock_ledger_posting_idx ON stock_ledger (tenant_id, posting_id);

-- Applies a ledger row to its stock level (creating the level if needed): the
-- conditional decrement that refuses negative stock, the moving-average cost,
-- before/after quantities and the crossing below the minimum.
CREATE FUNCTION stock_ledger_apply() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    level     stock_levels%ROWTYPE;
    minimum   numeric;
    new_avg   numeric;
    negatives boolean;
BEGIN
    SELECT * INTO level FROM stock_levels
    WHERE tenant_id = NEW.tenant_id AND location_id = NEW.location_id AND item_id = NEW.item_id
    FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO stock_levels (tenant_id, location_id, item_id) VALUES (NEW.tenant_id, NEW.location_id, NEW.item_id)
        ON CONFLICT DO NOTHING;
        SELECT * INTO level FROM stock_levels
        WHERE tenant_id = NEW.tenant_id AND location_id = NEW.location_id AND item_id = NEW.item_id
        FOR UPDATE;
    END IF;

    IF NEW.quantity < 0 AND level.on_hand + NEW.quantity < 0 THEN
        SELECT allow_negative_stock INTO negatives FROM tenants WHERE id = NEW.tenant_id;
        IF NOT coalesce(negatives, false) THEN
            RAISE EXCEPTION 'insufficient stock of item % at location %: % on hand, % requested',
                NEW.item_id, NEW.location_id, level.on_hand, -NEW.quantity
                USING ERRCODE = 'P0001', HINT = 'insufficient-stock',
                      DETAIL = json_build_object('itemId', NEW.item_id, 'locationId', NEW.location_id,
                                                 'onHand', level.on_hand, 'requested', -NEW.quantity)::text;
        END IF;
    END IF;

    IF NEW.quantity > 0 AND NEW.unit_cost IS NOT NULL THEN
        new_avg := CASE WHEN level.on_hand <= 0 THEN NEW.unit_cost
                        ELSE round((level.on_hand * level.avg_cost + NEW.quantity * NEW.unit_cost)
                                   / (level.on_hand + NEW.quantity), 4) END;
    ELSE
        NEW.unit_cost := level.avg_cost;
        new_avg := level.avg_cost;
    END IF;

    SELECT coalesce(level.min_stock, i.min_stock) INTO minimum
    FROM items i WHERE i.tenant_id = NEW.tenant_id AND i.id = NEW.item_id;

    NEW.on_hand_before := level.on_hand;
    NEW.on_hand_after := level.on_hand + NEW.quantity;
    NEW.crossed_below_min := minimum > 0 AND NOT level.below_min AND NEW.on_hand_after <= minimum;

    UPDATE stock_levels
    SET on_hand = NEW.on_hand_after, avg_cost = new_avg,
        below_min = minimum > 0 AND NEW.on_hand_after <= minimum,
        last_movement_at = NEW.created_at, updated_at = now()
    WHERE tenant_id = NEW.tenant_id AND location_id = NEW.location_id AND item_id = NEW.item_id;
    RETURN NEW;
END $$;
CREATE TRIGGER stock_ledger_apply BEFORE INSERT ON stock_ledger
    FOR EACH ROW EXECUTE FUNCTION stock_ledger_apply();

-- A minimum changed by hand moves the low-stock flag without raising an alert.
CREATE FUNCTION stock_levels_refresh_below_min() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    minimum numeric := coalesce(NEW.min_stock,
        (SELECT min_stock FROM items WHERE tenant_id = NEW.tenant_id AND id = NEW.item_id));
BEGIN
    NEW.below_min := minimum > 0 AND NEW.on_hand <= minimum;
    RETURN NEW;
END $$;
CREATE TRIGGER stock_levels_min_changed BEFORE UPDATE OF min_stock ON stock_levels
    FOR EACH ROW EXECUTE FUNCTION stock_levels_refresh_below_min();

ALTER TABLE locations ENABLE ROW LEVEL SECURITY;
ALTER TABLE locations FORCE ROW LEVEL SECURITY;
CREATE POLICY locations_tenant ON locations USING (tenant_id = app_current_tenant());

ALTER TABLE user_locations ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_locations FORCE ROW LEVEL SECURITY;
CREATE POLICY user_locations_tenant ON user_locations USING (tenant_id = app_current_tenant());

ALTER TABLE stock_postings ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_postings FORCE ROW LEVEL SECURITY;
CREATE POLICY stock_postings_tenant ON stock_postings USING (tenant_id = app_current_tenant());

-- Stock and its history are visible, and movable, only at the user's locations.
ALTER TABLE stock_levels ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_levels FORCE ROW LEVEL SECURITY;
-- Written out rather than through app_visible_locations(): the ledger trigger runs several statements
-- per row, and a non-inlined SQL function is planned again on every call (measured: 6x slower postings).
-- Same rule as app_sees_all_locations() / app_visible_locations().
CREATE POLICY stock_levels_tenant ON stock_levels
    USING (tenant_id = app_current_tenant() AND (
        app_current_user() IS NULL
        OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
                   WHERE ur.tenant_id = app_current_tenant() AND ur.user_id = app_current_user()
                     AND r.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[])
        OR EXISTS (SELECT 1 FROM user_locations ul
                   WHERE ul.tenant_id = app_current_tenant() AND ul.user_id = app_current_user()
                     AND ul.location_id = stock_levels.location_id)));

ALTER TABLE stock_ledger ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_ledger FORCE ROW LEVEL SECURITY;
CREATE POLICY stock_ledger_tenant ON stock_ledger
    USING (tenant_id = app_current_tenant() AND (
        app_current_user() IS NULL
        OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
                   WHERE ur.tenant_id = app_current_tenant() AND ur.user_id = app_current_user()
                     AND r.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[])
        OR EXISTS (SELECT 1 FROM user_locations ul
                   WHERE ul.tenant_id = app_current_tenant() AND ul.user_id = app_current_user()
                     AND ul.location_id = stock_ledger.location_id)));

GRANT SELECT, INSERT, UPDATE ON locations TO ${app_role};
GRANT SELECT, INSERT, DELETE ON user_locations TO ${app_role};
-- Quantities and costs are the ledger trigger's alone; the application may set only the level's own attributes.
GRANT SELECT ON stock_levels TO ${app_role};
GRANT INSERT (tenant_id, location_id, item_id, min_stock, bin, count_frequency_days, new_until) ON stock_levels TO ${app_role};
GRANT UPDATE (min_stock, bin, count_frequency_days, new_until, updated_at) ON stock_levels TO ${app_role};
-- Append-only: a mistake is corrected by a reversing posting, never by editing.
GRANT SELECT, INSERT ON stock_postings, stock_ledger TO ${app_role};

CREATE TRIGGER locations_audit AFTER INSERT OR UPDATE OR DELETE ON locations
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER user_locations_audit AFTER INSERT OR UPDATE OR DELETE ON user_locations
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- The ledger invariant, for the verify command and tests: every level whose on_hand differs from its ledger sum.
CREATE VIEW stock_ledger_mismatches WITH (security_invoker = true) AS
SELECT l.tenant_id, l.location_id, l.item_id, l.on_hand, coalesce(s.total, 0) AS ledger_total
FROM stock_levels l
LEFT JOIN (SELECT tenant_id, location_id, item_id, sum(quantity) AS total
           FROM stock_ledger GROUP BY tenant_id, location_id, item_id) s
       ON s.tenant_id = l.tenant_id AND s.location_id = l.location_id AND s.item_id = l.item_id
WHERE l.on_hand <> coalesce(s.total, 0);
GRANT SELECT ON stock_ledger_mismatches TO ${app_role};
