-- A company's own row in tenants is recorded by platform's code (V195) as the application's role, not the owner's:
-- on Citus a SECURITY DEFINER function writes over a second connection (the owner's) to the worker, which does not see
-- the tenants row the application's connection has just inserted at sign-up, so the audit row's foreign key failed.
-- Written as the caller, the tenants row and its audit row go over one connection.
ALTER FUNCTION audit_tenant_change(text, jsonb, jsonb) SECURITY INVOKER;
-- Still called by the owner's audit trigger (SECURITY DEFINER) of every other table, which it runs as.
ALTER FUNCTION audit_write(text, text, text, jsonb, jsonb) SECURITY INVOKER;

-- The application may write that one kind of audit row and no other: its own company's tenants row.
GRANT EXECUTE ON FUNCTION audit_write(text, text, text, jsonb, jsonb), audit_mask(jsonb) TO ${app_role};
GRANT INSERT ON audit_log TO ${app_role};
GRANT USAGE ON SEQUENCE audit_log_id_seq TO ${app_role};
CREATE POLICY audit_log_app_writes_own_company ON audit_log AS RESTRICTIVE FOR INSERT TO ${app_role}
    WITH CHECK (table_name = 'tenants' AND tenant_id = app_current_tenant());
