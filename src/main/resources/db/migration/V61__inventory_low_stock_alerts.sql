-- Low-stock alerts: who wants them (seed 003 admin_notifications), which
-- crossings were already announced, and the transactional outbox that carries
-- the LowStockReached event from the posting's commit to the notifier.

CREATE TABLE alert_subscriptions (
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    alert_type varchar(30) NOT NULL CHECK (alert_type IN ('low_stock')),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, alert_type),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX alert_subscriptions_type_idx ON alert_subscriptions (tenant_id, alert_type) WHERE active;
ALTER TABLE alert_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY alert_subscriptions_tenant ON alert_subscriptions USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON alert_subscriptions TO ${app_role};

-- One row per announced crossing (the ledger row that took the level to its minimum): an event
-- delivered twice (a restart before its completion was recorded) finds its crossing taken and notifies no one.
CREATE TABLE low_stock_alerts (
    tenant_id   uuid          NOT NULL,
    ledger_id   uuid          NOT NULL,
    location_id uuid          NOT NULL,
    item_id     uuid          NOT NULL,
    on_hand     numeric(14,3) NOT NULL,
    recipients  integer       NOT NULL DEFAULT 0,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, ledger_id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)
);
CREATE INDEX low_stock_alerts_level_idx ON low_stock_alerts (tenant_id, location_id, item_id);
ALTER TABLE low_stock_alerts ENABLE ROW LEVEL SECURITY;
ALTER TABLE low_stock_alerts FORCE ROW LEVEL SECURITY;
CREATE POLICY low_stock_alerts_tenant ON low_stock_alerts USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON low_stock_alerts TO ${app_role};

-- Spring Modulith 2.1 event publication registry (schema v2 of spring-modulith-events-jdbc,
-- schema-postgresql.sql): every module's outbox. Not tenant data — an event carries its tenant —
-- and read by the registry without a tenant, so no row-level security here.
CREATE TABLE event_publication (
    id                     uuid                     NOT NULL,
    listener_id            text                     NOT NULL,
    event_type             text                     NOT NULL,
    serialized_event       text                     NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Used only with spring.modulith.events.completion-mode=archive; created so that mode can be switched on.
CREATE TABLE event_publication_archive (
    id                     uuid                     NOT NULL,
    listener_id            text                     NOT NULL,
    event_type             text                     NOT NULL,
    serialized_event       text                     NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_archive_serialized_event_hash_idx ON event_publication_archive USING hash (serialized_event);
CREATE INDEX event_publication_archive_by_completion_date_idx ON event_publication_archive (completion_date);

GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication, event_publication_archive TO ${app_role};
