-- Opening stock imported from CSV as a background job: its progress, and the
-- rows it refused with line, column and message.

CREATE TABLE stock_import_jobs (
    tenant_id      uuid         NOT NULL REFERENCES tenants (id),
    id             uuid         NOT NULL,
    kind           varchar(30)  NOT NULL DEFAULT 'opening_balance' CHECK (kind IN ('opening_balance')),
    mode           varchar(20)  NOT NULL CHECK (mode IN ('all_or_nothing', 'skip_invalid')),
    status         varchar(20)  NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    file_name      varchar(255),
    file_bytes     bigint       NOT NULL DEFAULT 0 CHECK (file_bytes >= 0),
    bytes_read     bigint       NOT NULL DEFAULT 0 CHECK (bytes_read >= 0),
    rows_read      integer      NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    rows_imported  integer      NOT NULL DEFAULT 0 CHECK (rows_imported >= 0),
    error_count    integer      NOT NULL DEFAULT 0 CHECK (error_count >= 0),
    postings       integer      NOT NULL DEFAULT 0 CHECK (postings >= 0),
    -- Why a job stopped as a whole (a missing column, an unreadable file), beyond its row errors.
    failure        text,
    requested_by   uuid         NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    -- Heartbeat: a job that stops advancing was interrupted (its process ended).
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, requested_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX stock_import_jobs_recent_idx ON stock_import_jobs (tenant_id, id DESC);

CREATE TABLE stock_import_errors (
    tenant_id   uuid         NOT NULL,
    job_id      uuid         NOT NULL,
    position    integer      NOT NULL,
    line        bigint       NOT NULL,
    column_name varchar(40),
    message     text         NOT NULL,
    PRIMARY KEY (tenant_id, job_id, position),
    FOREIGN KEY (tenant_id, job_id) REFERENCES stock_import_jobs (tenant_id, id)
);

ALTER TABLE stock_import_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_import_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY stock_import_jobs_tenant ON stock_import_jobs USING (tenant_id = app_current_tenant());
ALTER TABLE stock_import_errors ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_import_errors FORCE ROW LEVEL SECURITY;
CREATE POLICY stock_import_errors_tenant ON stock_import_errors USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON stock_import_jobs TO ${app_role};
GRANT SELECT, INSERT ON stock_import_errors TO ${app_role};
