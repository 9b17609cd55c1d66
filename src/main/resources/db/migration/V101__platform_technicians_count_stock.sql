-- Technicians count the shelves of their workshop (physical counts, V100): the default technician role of every
-- company gets inventory.count, as DefaultRoles gives it to new companies. A company that edited the role keeps its
-- edits besides this one permission. Row-level security applies to the schema owner too, so each company in turn.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        UPDATE roles SET permissions = array_append(permissions, 'inventory.count'), version = version + 1,
                         updated_at = now()
        WHERE tenant_id = t.id AND system AND name = 'technician' AND NOT ('inventory.count' = ANY (permissions));
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
