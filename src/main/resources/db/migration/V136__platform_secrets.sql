-- Re-encrypting secrets after a key rotation visits every company, inside that company's context. The application
-- role sees no company before it has one, so it asks for the ids through this function, owned by the schema owner,
-- who may list the tenants (policy tenants_owner_lists_all, V51). Ids only, nothing else. Without a separate owner
-- role there is no such policy: the function refuses rather than report "nothing to re-encrypt".
CREATE FUNCTION platform_tenant_ids() RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = 'tenants' AND p.policyname = 'tenants_owner_lists_all') THEN
        RAISE EXCEPTION 'visiting every company needs a schema owner role distinct from the application role'
            USING ERRCODE = 'P0001';
    END IF;
    RETURN QUERY SELECT t.id FROM tenants t WHERE t.deleted_at IS NULL ORDER BY t.id;
END
$$;
REVOKE ALL ON FUNCTION platform_tenant_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_tenant_ids() TO ${app_role};
