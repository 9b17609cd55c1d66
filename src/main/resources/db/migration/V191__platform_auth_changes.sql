-- API keys are served from memory (issue 17, decision 2). Whatever a key's answer depends on (the key, its user,
-- the user's roles, the roles' permissions, the company's status) announces its change on the channel
-- bodega_auth when it commits, and every server listening drops what it holds. The whole memory is dropped, not one
-- company's: these changes are rare and a dropped key costs one lookup.
CREATE FUNCTION app_announce_auth_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('bodega_auth', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER api_keys_auth_change AFTER UPDATE OF revoked_at, expires_at, permissions, user_id, key_hash OR DELETE
    ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION app_announce_auth_change();
CREATE TRIGGER users_auth_change
    AFTER UPDATE OF active, approved, pending_invitation, deleted_at, organization_id, name, email OR DELETE
    ON users FOR EACH STATEMENT EXECUTE FUNCTION app_announce_auth_change();
CREATE TRIGGER user_roles_auth_change AFTER INSERT OR UPDATE OR DELETE
    ON user_roles FOR EACH STATEMENT EXECUTE FUNCTION app_announce_auth_change();
CREATE TRIGGER roles_auth_change AFTER UPDATE OF permissions OR DELETE
    ON roles FOR EACH STATEMENT EXECUTE FUNCTION app_announce_auth_change();
CREATE TRIGGER tenants_auth_change AFTER UPDATE OF status OR DELETE
    ON tenants FOR EACH STATEMENT EXECUTE FUNCTION app_announce_auth_change();
