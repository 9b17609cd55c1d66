-- Physical counts (seed 003 registro_conteo, detalles_conteo): a count session at one location, its lines
-- counted blind, reviewed, and closed with one count_correction posting. Each level counted keeps how often it
-- was counted (seed 003 inventario.veces_contado) and when it is due again by its count frequency.

ALTER TABLE stock_levels
    ADD COLUMN times_counted   integer NOT NULL DEFAULT 0 CHECK (times_counted >= 0),
    ADD COLUMN last_counted_at timestamptz,
    -- NULL: never counted; with a count frequency, a level never counted is due at once.
    ADD COLUMN next_count_due  date;
GRANT UPDATE (times_counted, last_counted_at, next_count_due) ON stock_levels TO ${app_role};
CREATE INDEX stock_levels_count_due_idx ON stock_levels (tenant_id, location_id, next_count_due)
    WHERE count_frequency_days IS NOT NULL;

-- Who may see a count: app_works_at(location) (V96), one function call, no subquery in a policy (see V83).

CREATE TABLE stock_counts (
    tenant_id         uuid          NOT NULL REFERENCES tenants (id),
    id                uuid          NOT NULL,
    location_id       uuid          NOT NULL,
    -- full: every level of the location; category: items of a category and its subcategories; bins: levels whose
    -- bin is within [bin_from, bin_to]; cycle: levels due by their count frequency.
    scope             varchar(10)   NOT NULL CHECK (scope IN ('full', 'category', 'bins', 'cycle')),
    category_id       uuid,
    bin_from          varchar(40),
    bin_to            varchar(40),
    -- counting → review → closed; review → counting (a recount); counting or review → cancelled.
    status            varchar(10)   NOT NULL DEFAULT 'counting'
                                    CHECK (status IN ('counting', 'review', 'closed', 'cancelled')),
    -- A line whose |difference| is above this may be sent for a recount.
    tolerance         numeric(14,3) NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
    note              text,
    -- Seed 003 calculate_count_summary: lines counted, lines with a difference, lines with loose units.
    total_items       integer       NOT NULL DEFAULT 0,
    total_differences integer       NOT NULL DEFAULT 0,
    items_with_loose  integer       NOT NULL DEFAULT 0,
    created_by        uuid          NOT NULL,
    closed_by         uuid,
    closed_at         timestamptz,
    cancelled_by      uuid,
    cancelled_at      timestamptz,
    posting_id        uuid,
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, closed_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, cancelled_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, posting_id) REFERENCES stock_postings (tenant_id, id),
    CHECK ((scope = 'category') = (category_id IS NOT NULL)),
    CHECK ((scope = 'bins') = (bin_from IS NOT NULL AND bin_to IS NOT NULL)),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL AND closed_by IS NOT NULL)),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancelled_by IS NOT NULL)),
    CHECK (posting_id IS NULL OR status = 'closed')
);
CREATE INDEX stock_counts_list_idx ON stock_counts (tenant_id, id DESC);
CREATE INDEX stock_counts_location_idx ON stock_counts (tenant_id, location_id, status);

CREATE TABLE stock_count_lines (
    tenant_id        uuid          NOT NULL,
    count_id         uuid          NOT NULL,
    item_id          uuid          NOT NULL,
    -- The count's location, kept on the line so its policy needs no subquery.
    location_id      uuid          NOT NULL,
    -- The level's bin when the line was listed (the order of the count sheet).
    bin              varchar(40),
    -- Snapshot of on hand when the line is first counted (again after a recount); NULL until then.
    system_quantity  numeric(14,3),
    -- Seed 003 cantidad_csa: what the counters found (NULL: not counted yet).
    counted_quantity numeric(14,3) CHECK (counted_quantity >= 0),
    -- Seed 003 cantidad_pq, "pequeños quedan": loose units found that are not stock of the system.
    loose_quantity   numeric(14,3) NOT NULL DEFAULT 0 CHECK (loose_quantity >= 0),
    -- Seed 003 diferencia = (cantidad_sistema + cantidad_pq) - cantidad_csa: positive means units missing.
    difference       numeric(14,3) GENERATED ALWAYS AS (system_quantity + loose_quantity - counted_quantity) STORED,
    counted_by       uuid,
    counted_at       timestamptz,
    recounts         integer       NOT NULL DEFAULT 0 CHECK (recounts >= 0),
    note             text,
    PRIMARY KEY (tenant_id, count_id, item_id),
    FOREIGN KEY (tenant_id, count_id) REFERENCES stock_counts (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, counted_by) REFERENCES users (tenant_id, id),
    CHECK ((counted_quantity IS NULL) = (system_quantity IS NULL))
);

-- Like stock levels: a user sees, and counts, only at the locations they may work at.
SELECT app_protect_tenant_table('stock_counts');
ALTER POLICY stock_counts_tenant ON stock_counts
    USING (tenant_id = app_current_tenant() AND app_works_at(location_id));
SELECT app_protect_tenant_table('stock_count_lines');
ALTER POLICY stock_count_lines_tenant ON stock_count_lines
    USING (tenant_id = app_current_tenant() AND app_works_at(location_id));

GRANT SELECT, INSERT ON stock_counts, stock_count_lines TO ${app_role};
GRANT UPDATE (status, tolerance, note, total_items, total_differences, items_with_loose, closed_by, closed_at,
              cancelled_by, cancelled_at, posting_id, updated_at) ON stock_counts TO ${app_role};
GRANT UPDATE (system_quantity, counted_quantity, loose_quantity, counted_by, counted_at, recounts, note)
    ON stock_count_lines TO ${app_role};

-- The session's moves are audited; its summary, rewritten on every scan, is not (the lines are the history).
CREATE TRIGGER stock_counts_audit AFTER INSERT OR UPDATE OF status OR DELETE ON stock_counts
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
