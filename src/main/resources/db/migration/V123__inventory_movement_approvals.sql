-- Approvals for any movement (seed 004 transaction_approvals, transactions.requires_approval): a company's rules
-- say which postings wait (by movement type, value over a threshold, location); a waiting posting is kept with
-- the lines it would post, and posts through the ledger only when another user approves it.

CREATE TABLE approval_rules (
    tenant_id     uuid          NOT NULL REFERENCES tenants (id),
    id            uuid          NOT NULL,
    movement_type varchar(30)   NOT NULL CHECK (movement_type IN ('receipt', 'issue', 'adjustment', 'transfer_out',
                      'transfer_in', 'sale', 'sale_cancellation', 'customer_return', 'purchase_receipt',
                      'count_correction', 'technician', 'part_usage', 'warranty', 'opening_balance')),
    -- A posting waits when its value is above this; NULL: whatever its value.
    min_value     numeric(14,2) CHECK (min_value >= 0),
    -- NULL: at any location.
    location_id   uuid,
    version       bigint        NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id)
);

CREATE TABLE movement_approvals (
    tenant_id     uuid          NOT NULL REFERENCES tenants (id),
    id            uuid          NOT NULL,
    -- The posting as it will be made: kind, document, reason and note (StockPostings.Posting).
    kind          varchar(40)   NOT NULL,
    document_type varchar(40)   NOT NULL,
    document_id   uuid,
    reason        varchar(40),
    note          text,
    -- Where it is shown and who may see it: the first location it moves stock at.
    location_id   uuid          NOT NULL,
    -- Sum of |quantity| x unit cost (the level's average cost when none is given) when it was requested.
    value         numeric(14,2) NOT NULL CHECK (value >= 0),
    status        varchar(10)   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
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
    CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CHECK ((status <> 'pending') = (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK (status <> 'rejected' OR btrim(coalesce(decision_note, '')) <> ''),
    CHECK ((status = 'approved') = (posting_id IS NOT NULL))
);
CREATE INDEX movement_approvals_status_idx ON movement_approvals (tenant_id, status, id DESC);
CREATE INDEX movement_approvals_document_idx ON movement_approvals (tenant_id, document_type, document_id);

CREATE TABLE movement_approval_lines (
    tenant_id     uuid          NOT NULL,
    approval_id   uuid          NOT NULL,
    line_no       integer       NOT NULL CHECK (line_no > 0),
    location_id   uuid          NOT NULL,
    item_id       uuid          NOT NULL,
    movement_type varchar(30)   NOT NULL,
    quantity      numeric(14,3) NOT NULL CHECK (quantity <> 0),
    unit_cost     numeric(14,4) CHECK (unit_cost >= 0),
    PRIMARY KEY (tenant_id, approval_id, line_no),
    FOREIGN KEY (tenant_id, approval_id) REFERENCES movement_approvals (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);

SELECT app_protect_tenant_table(t) FROM unnest(ARRAY[
    'approval_rules', 'movement_approvals', 'movement_approval_lines']::regclass[]) t;
-- Like adjustments: a user sees (and decides) what waits at the locations they work at.
ALTER POLICY movement_approvals_tenant ON movement_approvals
    USING (tenant_id = app_current_tenant() AND app_works_at(location_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON approval_rules TO ${app_role};
GRANT SELECT, INSERT ON movement_approvals, movement_approval_lines TO ${app_role};
-- Only the decision changes; what was asked for stays as it was.
GRANT UPDATE (status, decided_by, decided_at, decision_note, posting_id, updated_at) ON movement_approvals TO ${app_role};

CREATE TRIGGER approval_rules_audit AFTER INSERT OR UPDATE OR DELETE ON approval_rules
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER movement_approvals_audit AFTER INSERT OR UPDATE OR DELETE ON movement_approvals
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- Adjustments waiting today wait in the one inbox, under their own id. Each company in turn, as V105 does
-- (row-level security applies to the schema owner too).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM platform_tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        INSERT INTO movement_approvals (tenant_id, id, kind, document_type, document_id, reason, note, location_id,
                                        value, status, requested_by, created_at, updated_at)
        SELECT tenant_id, id, 'adjustment', 'adjustment', id, reason, note, location_id, value, 'pending',
               requested_by, created_at, updated_at
        FROM stock_adjustments WHERE tenant_id = t.id AND status = 'pending';
        INSERT INTO movement_approval_lines (tenant_id, approval_id, line_no, location_id, item_id, movement_type,
                                             quantity, unit_cost)
        SELECT al.tenant_id, al.adjustment_id, al.line_no, a.location_id, al.item_id, 'adjustment', al.quantity, NULL
        FROM stock_adjustment_lines al
        JOIN stock_adjustments a ON a.tenant_id = al.tenant_id AND a.id = al.adjustment_id
        WHERE al.tenant_id = t.id AND a.status = 'pending';
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;

-- Partner walls (V119): the rules are the staff's; a waiting movement is seen only at the partner's own warehouses.
SELECT app_wall_off_partners('approval_rules');
CREATE POLICY movement_approvals_partner ON movement_approvals AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_holds(location_id));
CREATE POLICY movement_approval_lines_partner ON movement_approval_lines AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_holds(location_id));
