-- The retry jobs' "which companies have work due" as PL/pgSQL: a distributed PostgreSQL (Citus) cannot plan a SQL
-- function's query that takes a parameter and reads a distributed table. Same queries as V130 and V137.
CREATE OR REPLACE FUNCTION messaging_outbox_tenants_due(max_attempts integer) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
BEGIN
    RETURN QUERY SELECT DISTINCT o.tenant_id FROM message_outbox o
                 WHERE o.done_at IS NULL AND o.next_attempt_at <= now() AND o.attempts < max_attempts;
END $$;

CREATE OR REPLACE FUNCTION whatsapp_media_tenants_due(max_attempts integer) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
BEGIN
    RETURN QUERY SELECT DISTINCT m.tenant_id FROM whatsapp_media m
                 WHERE m.fetched_at IS NULL AND m.next_attempt_at <= now() AND m.attempts < max_attempts;
END $$;
