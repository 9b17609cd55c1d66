-- Outgoing webhooks (seed 002 webhooks), fed from the business_events outbox (V71).
--
-- business_event_queue: one row per recorded business event, written in the statement that records it (so it
-- commits, or rolls back, with the fact). The dispatcher takes rows, fans each event out to the endpoints subscribed
-- to its type (webhook_deliveries) and copies it to the analytics events, then deletes the row: in one transaction,
-- so a crash before the commit leaves the row for the next pass.
CREATE TABLE business_event_queue (
    tenant_id  uuid        NOT NULL,
    event_id   uuid        NOT NULL,
    queued_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, event_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES business_events (tenant_id, id)
);
SELECT app_protect_tenant_table('business_event_queue');
-- A partner user's action may record an event (so it may insert here) but never reads the queue.
CREATE POLICY business_event_queue_partner ON business_event_queue AS RESTRICTIVE FOR SELECT
    USING (app_current_partner() IS NULL);
-- UPDATE only for SELECT ... FOR UPDATE (a dispatcher locks the rows it takes); nothing updates a row.
GRANT SELECT, INSERT, UPDATE, DELETE ON business_event_queue TO ${app_role};

-- An endpoint: where the company's events go. The secret (whsec_...) is encrypted with platform Secrets; after a
-- rotation the previous one still signs for a day, so a receiver can switch without losing a delivery.
CREATE TABLE webhook_endpoints (
    tenant_id                 uuid          NOT NULL REFERENCES tenants (id),
    id                        uuid          NOT NULL,
    url                       varchar(2000) NOT NULL,
    description               varchar(200),
    event_types               text[]        NOT NULL,
    secret                    bytea         NOT NULL,
    previous_secret           bytea,
    previous_secret_until     timestamptz,
    active                    boolean       NOT NULL DEFAULT true,
    -- Why the endpoint was switched off by the system (its deliveries kept failing); null when a person did it.
    disabled_reason           text,
    max_retries               integer       NOT NULL DEFAULT 3 CHECK (max_retries BETWEEN 0 AND 10),
    timeout_seconds           integer       NOT NULL DEFAULT 30 CHECK (timeout_seconds BETWEEN 1 AND 60),
    success_count             bigint        NOT NULL DEFAULT 0,
    failure_count             bigint        NOT NULL DEFAULT 0,
    last_delivery_at          timestamptz,
    created_by                uuid,
    created_at                timestamptz   NOT NULL DEFAULT now(),
    updated_at                timestamptz   NOT NULL DEFAULT now(),
    version                   bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX webhook_endpoints_types_idx ON webhook_endpoints USING gin (event_types) WHERE active;
SELECT app_protect_tenant_table('webhook_endpoints');
SELECT app_wall_off_partners('webhook_endpoints');
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO ${app_role};

-- One event (or a replay of one) to one endpoint. The body is fixed when the delivery is made; each attempt signs it
-- afresh. status: pending (due at next_attempt_at; a worker holding it pushed next_attempt_at ahead: its lease),
-- succeeded, failed (retries exhausted).
CREATE TABLE webhook_deliveries (
    tenant_id       uuid         NOT NULL,
    id              uuid         NOT NULL,
    endpoint_id     uuid         NOT NULL,
    event_id        uuid         NOT NULL,
    event_type      varchar(100) NOT NULL,
    body            text         NOT NULL,
    replay_of       uuid,
    status          varchar(10)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    response_status integer,
    finished_at     timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, replay_of) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
);
-- An event reaches an endpoint once (a dispatch repeated after a crash adds nothing); replays are extra rows.
CREATE UNIQUE INDEX webhook_deliveries_event_key ON webhook_deliveries (tenant_id, endpoint_id, event_id)
    WHERE replay_of IS NULL;
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (tenant_id, endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (tenant_id, next_attempt_at) WHERE status = 'pending';
SELECT app_protect_tenant_table('webhook_deliveries');
SELECT app_wall_off_partners('webhook_deliveries');
GRANT SELECT, INSERT, UPDATE ON webhook_deliveries TO ${app_role};

-- The log: each attempt with what was sent and what came back (bodies truncated).
CREATE TABLE webhook_attempts (
    tenant_id        uuid        NOT NULL,
    delivery_id      uuid        NOT NULL,
    attempt          integer     NOT NULL,
    request_headers  text        NOT NULL,
    response_status  integer,
    response_headers text,
    response_body    text,
    error            text,
    duration_ms      integer     NOT NULL,
    attempted_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, delivery_id, attempt),
    FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
);
SELECT app_protect_tenant_table('webhook_attempts');
SELECT app_wall_off_partners('webhook_attempts');
GRANT SELECT, INSERT ON webhook_attempts TO ${app_role};

-- The workers find the companies with work through these, which start with no company set: the schema owner may
-- list the companies (V51) and looks into each in turn, as ledger_mismatches_all does (row-level security applies
-- to the owner too).
CREATE FUNCTION webhook_queue_tenants() RETURNS SETOF uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    t     record;
    saved text := coalesce(current_setting('app.tenant_id', true), '');
BEGIN
    FOR t IN SELECT x.id FROM tenants x WHERE x.deleted_at IS NULL ORDER BY x.id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        IF EXISTS (SELECT 1 FROM business_event_queue q WHERE q.tenant_id = t.id) THEN
            RETURN NEXT t.id;
        END IF;
    END LOOP;
    PERFORM set_config('app.tenant_id', saved, true);
END $$;
CREATE FUNCTION webhook_deliveries_tenants_due() RETURNS SETOF uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    t     record;
    saved text := coalesce(current_setting('app.tenant_id', true), '');
BEGIN
    FOR t IN SELECT x.id FROM tenants x WHERE x.deleted_at IS NULL ORDER BY x.id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        IF EXISTS (SELECT 1 FROM webhook_deliveries d
                   WHERE d.tenant_id = t.id AND d.status = 'pending' AND d.next_attempt_at <= now()) THEN
            RETURN NEXT t.id;
        END IF;
    END LOOP;
    PERFORM set_config('app.tenant_id', saved, true);
END $$;
REVOKE ALL ON FUNCTION webhook_queue_tenants(), webhook_deliveries_tenants_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhook_queue_tenants(), webhook_deliveries_tenants_due() TO ${app_role};
