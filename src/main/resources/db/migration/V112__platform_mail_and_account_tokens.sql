-- Account lifecycle by email (seed 004 users): invitations, password reset and email verification.

-- seed 004 user_status maps onto what users already have: active (false = inactive), locked_until (locked),
-- and this flag (pending_invitation: invited, not yet accepted; they cannot sign in). A changed address waits in
-- pending_email until a link sent to it is followed.
ALTER TABLE users
    ADD COLUMN pending_invitation boolean NOT NULL DEFAULT false,
    ADD COLUMN invited_by         uuid,
    ADD COLUMN pending_email      varchar(254) CHECK (pending_email = lower(pending_email) AND pending_email LIKE '%_@_%'),
    ADD FOREIGN KEY (tenant_id, invited_by) REFERENCES users (tenant_id, id);

CREATE OR REPLACE VIEW platform_users WITH (security_invoker = true) AS
SELECT tenant_id, id, name, email, active AND approved AND NOT pending_invitation AS active, deleted_at
FROM users;

-- One-use secrets sent by mail. Only the SHA-256 of the token is kept; whoever holds the token may see its one row
-- before the tenant is known (like api_keys_by_hash).
CREATE TABLE account_tokens (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    id         uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    purpose    varchar(20) NOT NULL CHECK (purpose IN ('invitation', 'password_reset', 'email_verification')),
    token_hash char(64)    NOT NULL UNIQUE,
    email      varchar(254) NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX account_tokens_user_idx ON account_tokens (tenant_id, user_id, purpose);
SELECT app_protect_tenant_table('account_tokens');
CREATE POLICY account_tokens_by_hash ON account_tokens FOR SELECT
    USING (token_hash = NULLIF(current_setting('app.account_token_hash', true), ''));
GRANT SELECT, INSERT, UPDATE ON account_tokens TO ${app_role};

-- seed 004 invitation_audit_logs: who invited whom, resent, accepted, expired.
CREATE TABLE invitation_audit_logs (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    id           uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    action       varchar(20) NOT NULL CHECK (action IN ('invited', 'resent', 'accepted', 'expired')),
    performed_by uuid,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    details      text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, performed_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX invitation_audit_logs_user_idx ON invitation_audit_logs (tenant_id, user_id, occurred_at);
SELECT app_protect_tenant_table('invitation_audit_logs');
GRANT SELECT, INSERT ON invitation_audit_logs TO ${app_role};

-- Every mail is written here in the business transaction (a rollback sends nothing), then sent when SMTP is
-- configured; without SMTP it stays here for admins to read.
CREATE TABLE mail_outbox (
    tenant_id       uuid         NOT NULL REFERENCES tenants (id),
    id              uuid         NOT NULL,
    recipient       varchar(254) NOT NULL,
    subject         varchar(300) NOT NULL,
    body_text       text         NOT NULL,
    body_html       text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    attempts        integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    last_error      text,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (tenant_id, next_attempt_at) WHERE sent_at IS NULL;
SELECT app_protect_tenant_table('mail_outbox');
GRANT SELECT, INSERT, UPDATE ON mail_outbox TO ${app_role};

-- The sender's retry loop runs with no tenant: it learns which tenants have mail waiting, nothing else, and then
-- sends each tenant's mail inside that tenant (as ledger_mismatches_all, only with a separate owner role).
DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('CREATE POLICY mail_outbox_owner_lists_due ON mail_outbox FOR SELECT TO %I USING (sent_at IS NULL)',
                       current_user);
    END IF;
END $$;
CREATE FUNCTION mail_outbox_tenants_due() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT DISTINCT tenant_id FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= now() AND attempts < 10
$$;
REVOKE ALL ON FUNCTION mail_outbox_tenants_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mail_outbox_tenants_due() TO ${app_role};
