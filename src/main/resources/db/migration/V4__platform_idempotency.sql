-- Idempotency-Key: the first response to a key is kept, so a retry gets it again
-- instead of a second document. The key row is written in the same transaction
-- as the document, so a failed attempt leaves no key behind.
CREATE TABLE idempotency_keys (
    tenant_id    uuid         NOT NULL REFERENCES tenants (id),
    scope        varchar(80)  NOT NULL,
    key          varchar(200) NOT NULL,
    request_hash char(64)     NOT NULL,
    status       integer,
    response     jsonb,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_tenant ON idempotency_keys USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON idempotency_keys TO ${app_role};
