-- Stock adjustments with reason codes (seed 004 stock_adjustments) and their
-- approval (seed 004 transaction_approvals): an adjustment worth more than the
-- tenant's threshold waits as pending until another user approves it.

-- NULL: adjustments never need approval.
ALTER TABLE tenants ADD COLUMN adjustment_approval_threshold numeric(14,2)
    CHECK (adjustment_approval_threshold >= 0);

CREATE TABLE stock_adjustments (
    tenant_id     uuid          NOT NULL REFERENCES tenants (id),
    id            uuid          NOT NULL,
    location_id   uuid          NOT NULL,
    reason        varchar(30)   NOT NULL CHECK (reason IN ('damaged', 'lost', 'found', 'count_correction', 'expired', 'other')),
    note          text,
    -- Sum of |quantity| x the level's average cost when it was requested.
    value         numeric(14,2) NOT NULL CHECK (value >= 0),
    -- posted: under the threshold, posted at once; pending → approved (posted) or rejected.
    status        varchar(10)   NOT NULL CHECK (status IN ('posted', 'pending', 'approved', 'rejected')),
    requested_by  uuid          NOT NULL,
    decided_by    uuid,
    decided_at    timestamptz,
    decision_note text,
    posting_id    uuid,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, requested_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, decided_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, posting_id) REFERENCES stock_postings (tenant_id, id),
    -- Whoever decides is not whoever asked; a decision says who, when and (for a rejection) why.
    CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CHECK ((status IN ('approved', 'rejected')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK (status <> 'rejected' OR btrim(coalesce(decision_note, '')) <> ''),
    CHECK ((status IN ('posted', 'approved')) = (posting_id IS NOT NULL))
);
CREATE INDEX stock_adjustments_pending_idx ON stock_adjustments (tenant_id, id) WHERE status = 'pending';
CREATE INDEX stock_adjustments_status_idx ON stock_adjustments (tenant_id, status, id DESC);

CREATE TABLE stock_adjustment_lines (
    tenant_id     uuid          NOT NULL,
    adjustment_id uuid          NOT NULL,
    line_no       integer       NOT NULL CHECK (line_no > 0),
    item_id       uuid          NOT NULL,
    quantity      numeric(14,3) NOT NULL CHECK (quantity <> 0),
    -- The level's average cost when requested (what the value was computed from).
    unit_cost     numeric(14,4) NOT NULL CHECK (unit_cost >= 0),
    PRIMARY KEY (tenant_id, adjustment_id, line_no),
    UNIQUE (tenant_id, adjustment_id, item_id),
    FOREIGN KEY (tenant_id, adjustment_id) REFERENCES stock_adjustments (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);

-- Like stock levels: a user sees (and decides) adjustments only at the locations they may work at.
ALTER TABLE stock_adjustments ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_adjustments FORCE ROW LEVEL SECURITY;
CREATE POLICY stock_adjustments_tenant ON stock_adjustments
    USING (tenant_id = app_current_tenant() AND location_id IN (SELECT app_visible_locations()));

ALTER TABLE stock_adjustment_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_adjustment_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY stock_adjustment_lines_tenant ON stock_adjustment_lines
    USING (tenant_id = app_current_tenant() AND adjustment_id IN (SELECT id FROM stock_adjustments));

GRANT SELECT, INSERT ON stock_adjustments, stock_adjustment_lines TO ${app_role};
-- Only the decision changes; what was asked for (lines, value, requester) stays as it was.
GRANT UPDATE (status, decided_by, decided_at, decision_note, posting_id, updated_at) ON stock_adjustments TO ${app_role};

CREATE TRIGGER stock_adjustments_audit AFTER INSERT OR UPDATE OR DELETE ON stock_adjustments
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
