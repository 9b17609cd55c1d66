-- Business events (sale completed, sale cancelled, return created, purchase received...): the
-- tenant's durable record of facts that later webhooks and notifications read. Written by the
-- platform's listener of dev.bodega.platform.BusinessEvent, which the event publication registry
-- (event_publication, V61) feeds from the publishing transaction: the transactional outbox.
-- Append-only: a row is its own history, so there is no audit trigger, no UPDATE and no DELETE.

CREATE TABLE business_events (
    tenant_id      uuid         NOT NULL REFERENCES tenants (id),
    -- UUIDv7: the order events were recorded in; a reader resumes after the last id it saw.
    id             uuid         NOT NULL,
    event_type     varchar(100) NOT NULL CHECK (event_type ~ '^[a-z0-9]+(\.[a-z0-9]+)*$'),
    -- The document the event is about (a sale, a return, a supplier order), when there is one.
    subject_id     uuid,
    payload        jsonb        NOT NULL,
    -- SHA-256 of the normalised payload: an event delivered twice (a restart before its completion
    -- was recorded) is recorded once.
    payload_digest bytea        NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    recorded_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX business_events_digest_key ON business_events (tenant_id, event_type, payload_digest);
CREATE INDEX business_events_type_idx ON business_events (tenant_id, event_type, id);
CREATE INDEX business_events_subject_idx ON business_events (tenant_id, subject_id) WHERE subject_id IS NOT NULL;

ALTER TABLE business_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE business_events FORCE ROW LEVEL SECURITY;
CREATE POLICY business_events_tenant ON business_events USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT ON business_events TO ${app_role};
