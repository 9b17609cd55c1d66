-- V119 left the account tables readable by a partner user's transactions: the pages never show them, but the
-- database must keep a partner out on its own. The mail outbox holds the staff's password-reset links, so a partner
-- reads none of it. A partner admin's own work still writes here (inviting a colleague queues a mail, issues a link,
-- logs the invitation; any partner user's sign-in records a security event), so the walls are on reading, and on
-- links and invitation logs a partner sees those of its own organization's people only.

-- One of the partner's own organization's people (reads users through their own wall).
CREATE FUNCTION app_partner_colleague(person uuid) RETURNS boolean
    LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM users WHERE tenant_id = app_current_tenant() AND id = person
                   AND organization_id = app_current_partner())
$$;
GRANT EXECUTE ON FUNCTION app_partner_colleague(uuid) TO ${app_role};

CREATE POLICY mail_outbox_staff_reads ON mail_outbox AS RESTRICTIVE FOR SELECT
    USING (app_current_partner() IS NULL);
CREATE POLICY security_events_staff_reads ON security_events AS RESTRICTIVE FOR SELECT
    USING (app_current_partner() IS NULL);
CREATE POLICY account_tokens_partner ON account_tokens AS RESTRICTIVE
    USING (app_current_partner() IS NULL OR app_partner_colleague(user_id));
CREATE POLICY invitation_audit_logs_partner ON invitation_audit_logs AS RESTRICTIVE FOR SELECT
    USING (app_current_partner() IS NULL OR app_partner_colleague(user_id));
