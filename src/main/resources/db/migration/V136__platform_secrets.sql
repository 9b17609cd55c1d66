-- Re-encrypting secrets after a key rotation visits every company, inside that company's context; the application
-- role sees no company before it has one, so it asks for the ids through this function (ids only, nothing else).
CREATE FUNCTION platform_tenant_ids() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT id FROM tenants WHERE deleted_at IS NULL ORDER BY id
$$;
REVOKE ALL ON FUNCTION platform_tenant_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenant_ids() TO ${app_role};
