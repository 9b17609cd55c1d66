-- Global lookups (issue 19). What is found before its company is known (a Bearer key, a mailed link) is looked up
-- in a small table of its own, without tenant_id and without row-level security: the schema's global tables, which
-- a distributed PostgreSQL (Citus, sharded by tenant_id) keeps whole on every node (ops/citus/reference-tables.txt).
-- The lookup names the company and the row; the row itself is then read inside its company. A lookup holds a hash
-- and ids, never a secret, and only its owner's code writes it, in the transaction that writes the row. The tenant
-- table's own key becomes unique within its company, like every other key of a tenant table.
CREATE TABLE api_key_lookup (
    key_hash char(64) PRIMARY KEY,
    tenant   uuid     NOT NULL REFERENCES tenants (id),
    key_id   uuid     NOT NULL
);
GRANT SELECT, INSERT ON api_key_lookup TO ${app_role};

CREATE TABLE account_token_lookup (
    token_hash char(64) PRIMARY KEY,
    tenant     uuid     NOT NULL REFERENCES tenants (id),
    token_id   uuid     NOT NULL
);
GRANT SELECT, INSERT ON account_token_lookup TO ${app_role};

-- The rows there are, company by company (row-level security applies to the schema owner too).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        INSERT INTO api_key_lookup (key_hash, tenant, key_id)
        SELECT key_hash, tenant_id, id FROM api_keys WHERE tenant_id = t.id;
        INSERT INTO account_token_lookup (token_hash, tenant, token_id)
        SELECT token_hash, tenant_id, id FROM account_tokens WHERE tenant_id = t.id;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;

DROP POLICY api_keys_by_hash ON api_keys;
DROP INDEX api_keys_hash_key;
CREATE UNIQUE INDEX api_keys_hash_key ON api_keys (tenant_id, key_hash);

DROP POLICY account_tokens_by_hash ON account_tokens;
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_token_hash_key;
ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_token_hash_key UNIQUE (tenant_id, token_hash);
