-- What other modules may read of platform's tables. Only platform writes tenants, users and roles; another module
-- reads them through these views (or platform's Java API), so platform may change its tables behind them.
-- security_invoker: a view otherwise reads with its owner's rights, and the owner may list every tenant (V51);
-- with it, the reader's own row-level security applies, as it does on the tables.
-- Column lists over a table, or a join on keys: the planner inlines them, so a query reads what it read before.

CREATE VIEW platform_tenants WITH (security_invoker = true) AS
SELECT id, name, currency, locale, time_zone
FROM tenants;

CREATE VIEW platform_users WITH (security_invoker = true) AS
SELECT tenant_id, id, name, email, active, deleted_at
FROM users;

-- One row per role a user holds, with the permissions it grants (who sees every location, who gets an alert).
CREATE VIEW platform_user_permissions WITH (security_invoker = true) AS
SELECT ur.tenant_id, ur.user_id, ur.role_id, r.permissions
FROM user_roles ur
JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id;

GRANT SELECT ON platform_tenants, platform_users, platform_user_permissions TO ${app_role};
