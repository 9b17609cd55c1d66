-- Service: technician movements (seed 003 movimientos_tecnicos) and warranty claims (seed 003 garantias) with
-- their evidence photos. Stock moves only through the ledger: a movement keeps the id of its TECHNICIAN posting,
-- an approved claim the id of its WARRANTY replacement.

-- One movement of parts to or from a technician. concept and type are the seed's words (salida, ingreso, venta,
-- garantia, prestamo, cotizacion, devolucion; ingreso, salida, venta). Parts taken (salida, prestamo) stay "out"
-- until returned (devolucion rows point back at them through returns_id) or the job is settled (descargada).
CREATE TABLE technician_movements (
    tenant_id         uuid          NOT NULL REFERENCES tenants (id),
    id                uuid          NOT NULL,
    location_id       uuid          NOT NULL,
    item_id           uuid          NOT NULL,
    technician_id     uuid          NOT NULL,
    -- Who logged it (seed id_usuario_responsable); null when the system did.
    responsible_id    uuid,
    concept           varchar(20)   NOT NULL
                      CHECK (concept IN ('salida', 'ingreso', 'venta', 'garantia', 'prestamo', 'cotizacion', 'devolucion')),
    type              varchar(10)   NOT NULL CHECK (type IN ('ingreso', 'salida', 'venta')),
    quantity          numeric(14,3) NOT NULL CHECK (quantity > 0),
    -- Brought back so far by the devolucion rows that return this one.
    returned_quantity numeric(14,3) NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0 AND returned_quantity <= quantity),
    -- The cost the parts left with: what comes back returns at it.
    unit_cost         numeric(14,4) CHECK (unit_cost >= 0),
    work_order        varchar(40),
    note              varchar(500),
    returns_id        uuid,
    -- Null for a quote (cotizacion), which moves no stock.
    posting_id        uuid,
    settled           boolean       NOT NULL DEFAULT false,
    settled_at        timestamptz,
    settled_by        uuid,
    moved_at          timestamptz   NOT NULL DEFAULT now(),
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    version           bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, technician_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, responsible_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, settled_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, returns_id) REFERENCES technician_movements (tenant_id, id),
    FOREIGN KEY (tenant_id, posting_id) REFERENCES stock_postings (tenant_id, id),
    CHECK (settled = (settled_at IS NOT NULL)),
    CHECK ((concept = 'devolucion') = (returns_id IS NOT NULL)),
    CHECK ((concept = 'cotizacion') = (posting_id IS NULL))
);
CREATE INDEX technician_movements_date_idx ON technician_movements (tenant_id, moved_at DESC, id DESC);
CREATE INDEX technician_movements_technician_idx ON technician_movements (tenant_id, technician_id, moved_at DESC);
CREATE INDEX technician_movements_returns_idx ON technician_movements (tenant_id, returns_id) WHERE returns_id IS NOT NULL;

-- A warranty claim for defective parts. status is the seed's: SIN_ENVIAR (draft) -> PENDIENTE -> APROBADA | RECHAZADA.
CREATE TABLE warranty_claims (
    tenant_id              uuid          NOT NULL REFERENCES tenants (id),
    id                     uuid          NOT NULL,
    item_id                uuid          NOT NULL,
    quantity               numeric(14,3) NOT NULL CHECK (quantity > 0),
    -- The workshop that reports it (seed id_localizacion).
    location_id            uuid          NOT NULL,
    reported_by            uuid,
    technician_id          uuid,
    failure_reason         varchar(1000) NOT NULL CHECK (btrim(failure_reason) <> ''),
    mileage                integer       CHECK (mileage >= 0),
    work_order             varchar(40),
    -- The customer who asks (seed solicitante).
    requester              varchar(200),
    status                 varchar(12)   NOT NULL DEFAULT 'SIN_ENVIAR'
                           CHECK (status IN ('SIN_ENVIAR', 'PENDIENTE', 'APROBADA', 'RECHAZADA')),
    reported_at            timestamptz   NOT NULL DEFAULT now(),
    submitted_at           timestamptz,
    resolved_at            timestamptz,
    resolved_by            uuid,
    resolution_comments    varchar(1000),
    -- The WARRANTY issue that sent the replacement out of stock, once.
    replacement_posting_id uuid,
    replaced_at            timestamptz,
    created_at             timestamptz   NOT NULL DEFAULT now(),
    updated_at             timestamptz   NOT NULL DEFAULT now(),
    version                bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, reported_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, technician_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, resolved_by) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, replacement_posting_id) REFERENCES stock_postings (tenant_id, id),
    CHECK ((status = 'SIN_ENVIAR') = (submitted_at IS NULL)),
    CHECK ((status IN ('APROBADA', 'RECHAZADA')) = (resolved_at IS NOT NULL)),
    CHECK (replacement_posting_id IS NULL OR status = 'APROBADA'),
    CHECK ((replacement_posting_id IS NULL) = (replaced_at IS NULL))
);
CREATE INDEX warranty_claims_status_idx ON warranty_claims (tenant_id, status, id DESC);
CREATE INDEX warranty_claims_date_idx ON warranty_claims (tenant_id, id DESC);

-- Evidence photos, kept in the database: served only through the application, to the claim's own company.
CREATE TABLE warranty_claim_photos (
    tenant_id    uuid         NOT NULL,
    id           uuid         NOT NULL,
    claim_id     uuid         NOT NULL,
    -- Read from the file's first bytes, never from what the upload declared.
    content_type varchar(20)  NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
    size_bytes   integer      NOT NULL CHECK (size_bytes > 0),
    content      bytea        NOT NULL,
    file_name    varchar(200),
    uploaded_by  uuid,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, claim_id) REFERENCES warranty_claims (tenant_id, id),
    FOREIGN KEY (tenant_id, uploaded_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX warranty_claim_photos_claim_idx ON warranty_claim_photos (tenant_id, claim_id);

SELECT app_protect_tenant_table(t) FROM unnest(ARRAY[
    'technician_movements', 'warranty_claims', 'warranty_claim_photos'
]::regclass[]) t;

GRANT SELECT, INSERT, UPDATE ON technician_movements, warranty_claims TO ${app_role};
-- A photo is evidence: added, never changed.
GRANT SELECT, INSERT ON warranty_claim_photos TO ${app_role};

-- Movements are settled and returned against, claims change state: audited. A photo is its own record.
CREATE TRIGGER technician_movements_audit AFTER INSERT OR UPDATE OF settled, returned_quantity ON technician_movements
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER warranty_claims_audit AFTER INSERT OR UPDATE OF status, resolution_comments, replacement_posting_id
    ON warranty_claims
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
