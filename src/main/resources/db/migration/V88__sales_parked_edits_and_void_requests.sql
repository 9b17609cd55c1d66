-- A parked (pending) sale resumed at the till is edited there: its lines are replaced, so the application may
-- delete the lines of a sale (the code does so only while the sale is pending; completed lines are history).
GRANT DELETE ON sale_lines TO ${app_role};

-- A seller who may not void a sale asks for it; someone who may (sales.void) approves, which voids the sale with
-- the request's reason, or rejects. One open request per sale; decided ones stay as their history.
CREATE TABLE sale_void_requests (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    id           uuid        NOT NULL,
    sale_id      uuid        NOT NULL,
    status       varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reason       text        NOT NULL CHECK (btrim(reason) <> ''),
    requested_by uuid        NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    decided_by   uuid,
    decided_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, sale_id) REFERENCES sales (tenant_id, id),
    FOREIGN KEY (tenant_id, requested_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, decided_by) REFERENCES users (tenant_id, id),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX sale_void_requests_open_key ON sale_void_requests (tenant_id, sale_id) WHERE status = 'pending';
CREATE INDEX sale_void_requests_pending_idx ON sale_void_requests (tenant_id, requested_at) WHERE status = 'pending';
SELECT app_protect_tenant_table('sale_void_requests');
GRANT SELECT, INSERT, UPDATE ON sale_void_requests TO ${app_role};
