-- Analytics events (seed 002 analytics_events): the business events as a company reads them through the API
-- (/api/v1/events), partitioned by month so that a retention period drops whole months.
--
-- Why a second table and not business_events partitioned: business_events is the outbox, and its key against
-- recording an event twice (tenant, type, payload digest) cannot include a month, which a unique index on a
-- partitioned table must. The webhook dispatcher copies each event here in the transaction that fans it out.
CREATE TABLE analytics_events (
    tenant_id   uuid         NOT NULL,
    id          uuid         NOT NULL,
    event_type  varchar(100) NOT NULL,
    subject_id  uuid,
    payload     jsonb        NOT NULL,
    occurred_at timestamptz  NOT NULL,
    recorded_at timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, id, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE INDEX analytics_events_type_idx ON analytics_events (tenant_id, event_type, id);
-- Rows land here only if the monthly job has not run (as the audit log's default partition).
CREATE TABLE analytics_events_default PARTITION OF analytics_events DEFAULT;
SELECT app_protect_tenant_table('analytics_events');
SELECT app_wall_off_partners('analytics_events');
GRANT SELECT, INSERT ON analytics_events TO ${app_role};

-- Creates the months from from_month to months_ahead after now; returns how many were created.
CREATE FUNCTION ensure_analytics_partitions(from_month date, months_ahead integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
    SET timezone = 'UTC'
AS $$
DECLARE
    month_start date := date_trunc('month', from_month)::date;
    partition   text;
    created     integer := 0;
BEGIN
    WHILE month_start <= (date_trunc('month', now()) + make_interval(months => months_ahead))::date LOOP
        partition := format('analytics_events_%s', to_char(month_start, 'YYYY_MM'));
        IF to_regclass(partition) IS NULL THEN
            BEGIN
                EXECUTE format('CREATE TABLE %I PARTITION OF analytics_events FOR VALUES FROM (%L) TO (%L)',
                               partition, month_start, (month_start + interval '1 month')::date);
                created := created + 1;
            EXCEPTION WHEN check_violation THEN
                RAISE WARNING 'analytics_events_default holds rows for %; partition % not created', month_start,
                    partition;
            END;
        END IF;
        month_start := (month_start + interval '1 month')::date;
    END LOOP;
    RETURN created;
END $$;

-- Retention: drops the monthly partitions that end before the first day of the month keep_months ago (whole months
-- only, so an event is kept at least keep_months); returns how many were dropped.
CREATE FUNCTION drop_analytics_partitions(keep_months integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
    SET timezone = 'UTC'
AS $$
DECLARE
    oldest_kept date := (date_trunc('month', now()) - make_interval(months => keep_months))::date;
    part        record;
    dropped     integer := 0;
BEGIN
    FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'analytics_events'::regclass AND c.relname ~ '^analytics_events_\d{4}_\d{2}$'
    LOOP
        IF to_date(substring(part.relname FROM '\d{4}_\d{2}$'), 'YYYY_MM') < oldest_kept THEN
            EXECUTE format('DROP TABLE %I', part.relname);
            dropped := dropped + 1;
        END IF;
    END LOOP;
    RETURN dropped;
END $$;
REVOKE ALL ON FUNCTION ensure_analytics_partitions(date, integer), drop_analytics_partitions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ensure_analytics_partitions(date, integer), drop_analytics_partitions(integer)
    TO ${app_role};

-- The events recorded before this migration, each company in turn (row-level security applies to the owner too).
SELECT ensure_analytics_partitions(now()::date, 3);
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        PERFORM ensure_analytics_partitions(min(recorded_at)::date, 3) FROM business_events HAVING count(*) > 0;
        INSERT INTO analytics_events (tenant_id, id, event_type, subject_id, payload, occurred_at, recorded_at)
        SELECT tenant_id, id, event_type, subject_id, payload, occurred_at, recorded_at FROM business_events
        WHERE tenant_id = t.id;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
