-- Without a user (a job, a data load by a superuser) every location is seen, and the rule is now answered without
-- reading a table. On Citus the rule may be worked out on a worker, inside a shard's trigger: a location written in
-- the same transaction there forgets the kept rule (V196), and the ledger's trigger then worked it out again with a
-- query Citus sent to another node, which a worker's transaction cannot do ("the backend has already been assigned a
-- transaction id"). The company and the user are values in each query (app_current_tenant() in a query's WHERE is a
-- function call, which Citus cannot prune by: it asked every shard); the user's permissions are read by a statement of
-- their own, once: the other rules take "sees every location" from app_sees_all_locations(), which reads it kept
-- (app_keep_location_rules keeps it first: three queries to the company's node as a transaction starts on Citus,
-- instead of eight to every shard).
CREATE OR REPLACE FUNCTION app_location_rule(setting text) RETURNS text
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    company  uuid := app_current_tenant();
    person   uuid := app_current_user();
    sees_all boolean;
    rule     text;
BEGIN
    CASE setting
    WHEN 'app.sees_all_locations' THEN
        IF person IS NULL THEN
            RETURN 'true';
        END IF;
        PERFORM 1 FROM platform_user_permissions p
        WHERE p.tenant_id = company AND p.user_id = person
          AND p.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[];
        RETURN FOUND::text;
    WHEN 'app.location_rule' THEN
        IF app_sees_all_locations() THEN
            RETURN '*';
        END IF;
        SELECT coalesce(string_agg(v.id::text, ','), '') INTO rule FROM (
            SELECT ul.location_id AS id FROM user_locations ul WHERE ul.tenant_id = company AND ul.user_id = person
            UNION
            SELECT l.id FROM locations l WHERE l.tenant_id = company AND l.kind = 'transit') v;
    WHEN 'app.works_at' THEN
        IF person IS NULL THEN
            RETURN '';
        END IF;
        SELECT coalesce(string_agg(ul.location_id::text, ','), '') INTO rule
        FROM user_locations ul WHERE ul.tenant_id = company AND ul.user_id = person;
    WHEN 'app.visible_locations' THEN
        -- A value in the query, not a call: on a worker the call might have to work the rule out there.
        sees_all := app_sees_all_locations();
        SELECT coalesce(string_agg(l.id::text, ','), '') INTO rule
        FROM locations l
        WHERE l.tenant_id = company
          AND (sees_all OR app_current_partner() IS NOT NULL OR l.kind = 'transit'
               OR EXISTS (SELECT 1 FROM user_locations ul WHERE ul.tenant_id = l.tenant_id
                          AND ul.user_id = person AND ul.location_id = l.id));
    END CASE;
    RETURN rule;
END $$;
