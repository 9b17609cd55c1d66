-- CSV imports of items run as jobs: their progress and error report live here, so a user can follow
-- an import from any page (or after a restart) and only their own company's imports are visible.

CREATE TABLE item_import_jobs (
    tenant_id     uuid         NOT NULL REFERENCES tenants (id),
    id            uuid         NOT NULL,
    created_by    uuid,
    file_name     varchar(255),
    mode          varchar(20)  NOT NULL CHECK (mode IN ('all_or_nothing', 'skip_invalid')),
    status        varchar(20)  NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    rows_read     integer      NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
    rows_imported integer      NOT NULL DEFAULT 0 CHECK (rows_imported >= 0),
    error_count   integer      NOT NULL DEFAULT 0 CHECK (error_count >= 0),
    message       text,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);

-- One row per problem found (line, column, message); the job keeps the total, the report its first entries.
CREATE TABLE item_import_errors (
    tenant_id   uuid        NOT NULL,
    job_id      uuid        NOT NULL,
    seq         integer     NOT NULL,
    line        bigint      NOT NULL,
    column_name varchar(64),
    message     text        NOT NULL,
    PRIMARY KEY (tenant_id, job_id, seq),
    FOREIGN KEY (tenant_id, job_id) REFERENCES item_import_jobs (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['item_import_jobs', 'item_import_errors'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant())', t || '_tenant', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE ON item_import_jobs TO ${app_role};
GRANT SELECT, INSERT ON item_import_errors TO ${app_role};
