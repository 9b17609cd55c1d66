-- Audit log: written only by a trigger, partitioned by month, append-only for the application.

CREATE SEQUENCE audit_log_id_seq;

CREATE TABLE audit_log (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          bigint      NOT NULL DEFAULT nextval('audit_log_id_seq'),
    occurred_at timestamptz NOT NULL DEFAULT now(),
    table_name  varchar(63) NOT NULL,
    row_id      uuid,
    action      varchar(6)  NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    old_values  jsonb,
    new_values  jsonb,
    user_id     uuid,
    client_ip   inet,
    user_agent  text,
    PRIMARY KEY (tenant_id, id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX audit_log_time_idx ON audit_log (tenant_id, occurred_at DESC);
CREATE INDEX audit_log_row_idx ON audit_log (tenant_id, row_id);

-- Rows land here only if the monthly job has not run; the job then cannot
-- create that month and says so, rather than losing an audit row.
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (tenant_id = app_current_tenant());
-- Only the trigger (running as the owner) inserts; the application role has no INSERT privilege.
CREATE POLICY audit_log_write ON audit_log FOR INSERT WITH CHECK (true);
GRANT SELECT ON audit_log TO ${app_role};

CREATE FUNCTION ensure_audit_partitions(months_ahead integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
    SET timezone = 'UTC'
AS $$
DECLARE
    month_start date;
    partition   text;
    created     integer := 0;
BEGIN
    FOR i IN 0..months_ahead LOOP
        month_start := (date_trunc('month', now()) + make_interval(months => i))::date;
        partition := format('audit_log_%s', to_char(month_start, 'YYYY_MM'));
        CONTINUE WHEN to_regclass(partition) IS NOT NULL;
        BEGIN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)',
                           partition, month_start, (month_start + interval '1 month')::date);
            created := created + 1;
        EXCEPTION WHEN check_violation THEN
            RAISE WARNING 'audit_log_default holds rows for %; partition % not created', month_start, partition;
        END;
    END LOOP;
    RETURN created;
END $$;
REVOKE ALL ON FUNCTION ensure_audit_partitions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ensure_audit_partitions(integer) TO ${app_role};

SELECT ensure_audit_partitions(3);

-- Secrets never reach the audit log, only the fact that they changed; derived search vectors not at all.
CREATE FUNCTION audit_mask(j jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE WHEN j IS NULL THEN NULL ELSE
        (j - 'search' - 'sku_key') || (SELECT coalesce(jsonb_object_agg(k, '***'), '{}'::jsonb)
              FROM unnest(ARRAY['password_hash', 'key_hash']) k WHERE j ? k)
    END
$$;

-- TG_ARGV[0]: the column that holds the tenant (tenant_id, or id on tenants itself).
-- Login and API-key bookkeeping columns are security events, not edits, and search vectors are derived: left out.
CREATE FUNCTION audit_row_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    full_row jsonb := coalesce(new_row, old_row);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(n.key, n.value) INTO new_row
        FROM jsonb_each(to_jsonb(NEW)) n
        WHERE n.key NOT IN ('updated_at', 'version', 'last_login_at', 'failed_attempts', 'last_used_at', 'search', 'sku_key') AND n.value IS DISTINCT FROM old_row -> n.key;
        IF new_row IS NULL THEN
            RETURN NULL;
        END IF;
        SELECT jsonb_object_agg(k, old_row -> k) INTO old_row FROM jsonb_object_keys(new_row) k;
    END IF;
    INSERT INTO audit_log (tenant_id, table_name, row_id, action, old_values, new_values, user_id, client_ip, user_agent)
    VALUES ((full_row ->> TG_ARGV[0])::uuid, TG_TABLE_NAME, (full_row ->> 'id')::uuid, TG_OP,
            audit_mask(old_row), audit_mask(new_row), app_current_user(),
            NULLIF(current_setting('app.client_ip', true), '')::inet,
            NULLIF(current_setting('app.user_agent', true), ''));
    RETURN NULL;
END $$;

CREATE TRIGGER tenants_audit AFTER INSERT OR UPDATE OR DELETE ON tenants
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('id');
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER roles_audit AFTER INSERT OR UPDATE OR DELETE ON roles
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER user_roles_audit AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
CREATE TRIGGER api_keys_audit AFTER INSERT OR UPDATE OR DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
