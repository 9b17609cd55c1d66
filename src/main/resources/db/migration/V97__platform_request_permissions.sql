-- Transfer requests' permissions (seed 003 roles.permisos.requests) for the default roles of existing companies,
-- as DefaultRoles gives them to new ones: the manager runs them all; sellers and technicians ask for stock and
-- receive it at their store or workshop; the viewer keeps *.read alone. Roles are tenant rows: each company in
-- turn (the owner lists companies through V51's policy; where it cannot, there is none to update).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        UPDATE roles SET permissions = permissions || ARRAY['requests.*']
        WHERE system AND name = 'manager' AND NOT permissions @> ARRAY['requests.*'];
        UPDATE roles SET permissions = permissions || ARRAY['requests.view', 'requests.create', 'requests.receive']
        WHERE system AND name IN ('seller', 'technician') AND NOT permissions @> ARRAY['requests.view'];
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
