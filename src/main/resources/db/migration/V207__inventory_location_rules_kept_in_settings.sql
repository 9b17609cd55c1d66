-- Every location rule as settings that the helpers only read. On a distributed PostgreSQL (Citus) a policy's helper
-- runs on the node holding the shard, where it cannot read another distributed table ("cannot execute a distributed
-- query from a query on a shard"), and a SQL function reading one cannot be planned there at all. So the rules are
-- worked out once per transaction and kept:
--   app.sees_all_locations  'true' for a user who sees every location (V50), else 'false';
--   app.location_rule       '*' or the ids of the locations whose stock the user sees (its own and transit, V196);
--   app.works_at            the ids of the user's own locations (app_works_at, V96);
--   app.visible_locations   the ids of every location the user may list (app_visible_locations, V120);
-- each with the context it was worked out for (company/user/partner) in the same name ending in _for.
-- On one PostgreSQL each rule is worked out when a statement first needs it (as V196 did: a transaction that waited
-- for another's lock sees the location the other made, such as the transit one on a first dispatch); on Citus the
-- application works them all out as each transaction starts (app_keep_location_rules(), after its context), with
-- SET LOCAL, which reaches the workers. A change to their inputs (roles, user roles, locations, user locations)
-- forgets them (V195, V196).

CREATE FUNCTION app_location_context() RETURNS text
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce(current_setting('app.tenant_id', true), '') || '/' || coalesce(current_setting('app.user_id', true), '')
           || '/' || coalesce(current_setting('app.partner_id', true), '')
$$;

-- One rule for the current context, from the tables (read through row-level security, like everything else); only
-- the queries that rule needs.
CREATE FUNCTION app_location_rule(setting text) RETURNS text
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    sees_all boolean := app_current_user() IS NULL OR EXISTS (
        SELECT 1 FROM platform_user_permissions p
        WHERE p.tenant_id = app_current_tenant() AND p.user_id = app_current_user()
          AND p.permissions && ARRAY['*', 'inventory.*', 'inventory.all_locations', '*.all_locations']::text[]);
    rule     text;
BEGIN
    CASE setting
    WHEN 'app.sees_all_locations' THEN
        rule := sees_all::text;
    WHEN 'app.location_rule' THEN
        SELECT CASE WHEN sees_all THEN '*' ELSE coalesce(string_agg(v.id::text, ','), '') END INTO rule FROM (
            SELECT ul.location_id AS id FROM user_locations ul
            WHERE NOT sees_all AND ul.tenant_id = app_current_tenant() AND ul.user_id = app_current_user()
            UNION
            SELECT l.id FROM locations l WHERE NOT sees_all AND l.tenant_id = app_current_tenant() AND l.kind = 'transit') v;
    WHEN 'app.works_at' THEN
        SELECT coalesce(string_agg(ul.location_id::text, ','), '') INTO rule
        FROM user_locations ul WHERE ul.tenant_id = app_current_tenant() AND ul.user_id = app_current_user();
    WHEN 'app.visible_locations' THEN
        SELECT coalesce(string_agg(l.id::text, ','), '') INTO rule
        FROM locations l
        WHERE l.tenant_id = app_current_tenant()
          AND (sees_all OR app_current_partner() IS NOT NULL OR l.kind = 'transit'
               OR EXISTS (SELECT 1 FROM user_locations ul WHERE ul.tenant_id = l.tenant_id
                          AND ul.user_id = app_current_user() AND ul.location_id = l.id));
    END CASE;
    RETURN rule;
END $$;

-- For the helpers on one PostgreSQL: works one rule out, keeps it for the transaction on this node, and answers it.
-- set_config, because SET is not allowed in a STABLE function.
CREATE FUNCTION app_location_rules_kept_here(setting text) RETURNS text
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    rule text := app_location_rule(setting);
BEGIN
    PERFORM set_config(setting, rule, true);
    PERFORM set_config(setting || '_for', app_location_context(), true);
    RETURN rule;
END $$;

-- For the application on Citus, once its context is set: every rule with SET LOCAL, which Citus passes on to the
-- workers (the transaction manager has set citus.propagate_set_commands = 'local' first).
CREATE FUNCTION app_keep_location_rules() RETURNS void
    LANGUAGE plpgsql
AS $$
DECLARE
    setting text;
BEGIN
    FOREACH setting IN ARRAY ARRAY['app.sees_all_locations', 'app.location_rule', 'app.works_at',
                                   'app.visible_locations'] LOOP
        EXECUTE format('SET LOCAL %s = %L', setting, app_location_rule(setting));
        EXECUTE format('SET LOCAL %s = %L', setting || '_for', app_location_context());
    END LOOP;
END $$;

-- One kept rule, worked out first when none is kept for this context. Inlined: a few setting reads once kept.
CREATE FUNCTION app_location_setting(setting text) RETURNS text
    LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN current_setting(setting || '_for', true) = app_location_context()
                THEN current_setting(setting, true)
                ELSE app_location_rules_kept_here(setting) END
$$;

CREATE OR REPLACE FUNCTION app_sees_location(location uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT app_current_user() IS NULL OR app_location_setting('app.location_rule') = '*'
           OR strpos(app_location_setting('app.location_rule'), location::text) > 0
$$;

CREATE OR REPLACE FUNCTION app_sees_all_locations() RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT app_current_user() IS NULL OR app_location_setting('app.sees_all_locations') = 'true'
$$;

CREATE OR REPLACE FUNCTION app_works_at(location uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT app_sees_all_locations() OR strpos(app_location_setting('app.works_at'), location::text) > 0
$$;

CREATE OR REPLACE FUNCTION app_visible_locations() RETURNS SETOF uuid
    LANGUAGE sql STABLE
AS $$
    SELECT unnest(string_to_array(nullif(app_location_setting('app.visible_locations'), ''), ','))::uuid
$$;

CREATE OR REPLACE FUNCTION app_forget_location_rule() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM set_config('app.location_rule_for', '', true);
    PERFORM set_config('app.works_at_for', '', true);
    PERFORM set_config('app.visible_locations_for', '', true);
    PERFORM set_config('app.sees_all_locations_for', '', true);
    RETURN NULL;
END $$;

DROP FUNCTION app_location_rule_allows(uuid);
GRANT EXECUTE ON FUNCTION app_location_context(), app_location_rule(text), app_location_rules_kept_here(text),
    app_keep_location_rules(), app_location_setting(text) TO ${app_role};
