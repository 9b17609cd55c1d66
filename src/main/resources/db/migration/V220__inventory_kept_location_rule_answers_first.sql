-- A kept location rule answers before anything is worked out, even when app_location_rules_kept_here is called
-- directly. V207's helpers call it only when no rule is kept for the context (a CASE on the kept marker), but Citus
-- evaluates every function call without a column in a modifying statement's expressions, policies included, before it
-- plans the statement: both branches of that CASE. On a worker (the ledger trigger's UPDATE of a stock level) the
-- fallback then read the roles, a distributed table, from a query on a shard, which Citus refuses, although the rule was
-- kept on that node.
CREATE OR REPLACE FUNCTION app_location_rules_kept_here(setting text) RETURNS text
    LANGUAGE plpgsql STABLE
AS $$
DECLARE
    rule text;
BEGIN
    IF current_setting(setting || '_for', true) = app_location_context() THEN
        RETURN current_setting(setting, true);
    END IF;
    rule := app_location_rule(setting);
    PERFORM set_config(setting, rule, true);
    PERFORM set_config(setting || '_for', app_location_context(), true);
    RETURN rule;
END $$;
