-- Customer orders (V160) for the default roles of existing companies, as DefaultRoles gives them to new ones: the
-- manager runs the orders inbox (orders.read; orders.approve: approve or reject; orders.ship: ship and mark
-- delivered); viewers read it through *.read. A company that edited a role keeps its edits besides this. Each
-- company in turn, as V105 does (row-level security applies to the schema owner too).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenants ORDER BY id LOOP
        PERFORM set_config('app.tenant_id', t.id::text, true);
        UPDATE roles SET permissions = permissions || ARRAY['orders.*'], version = version + 1, updated_at = now()
        WHERE tenant_id = t.id AND system AND name = 'manager' AND NOT permissions @> ARRAY['orders.*'];
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
