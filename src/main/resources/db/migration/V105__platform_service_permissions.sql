-- Technician movements and warranty claims (V104) for the default roles of existing companies, as DefaultRoles
-- gives them to new ones: the manager runs them all; the technician holds parts (technicians.own), records his
-- movements and files claims. A company that edited a role keeps its edits besides these. Each company in turn,
-- as V101 does (row-level security applies to the schema owner too).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        UPDATE roles SET permissions = permissions || ARRAY['technicians.*', 'guarantees.*'], version = version + 1,
                         updated_at = now()
        WHERE tenant_id = t.id AND system AND name = 'manager' AND NOT permissions @> ARRAY['technicians.*'];
        UPDATE roles SET permissions = permissions
                             || ARRAY['technicians.own', 'technicians.create', 'guarantees.view', 'guarantees.create'],
                         version = version + 1, updated_at = now()
        WHERE tenant_id = t.id AND system AND name = 'technician' AND NOT permissions @> ARRAY['technicians.own'];
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
