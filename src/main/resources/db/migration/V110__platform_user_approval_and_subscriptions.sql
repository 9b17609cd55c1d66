-- User approval (seed 003 usuarios.aprobado): a person who asks to join a company by its join link waits for an
-- admin to approve or reject them (with a reason); until then they cannot sign in. Every user before this
-- migration, and every user an admin creates, is approved.
ALTER TABLE users
    ADD COLUMN approved         boolean     NOT NULL DEFAULT true,
    ADD COLUMN approved_by      uuid,
    ADD COLUMN approved_at      timestamptz,
    ADD COLUMN rejection_reason text,
    ADD FOREIGN KEY (tenant_id, approved_by) REFERENCES users (tenant_id, id),
    ADD CHECK (NOT approved OR rejection_reason IS NULL);
CREATE INDEX users_pending_idx ON users (tenant_id) WHERE NOT approved AND deleted_at IS NULL;

-- The company's join link (/join/<token>): a random secret an admin can see and replace. The join page knows only
-- the token: it may see that one company, nothing else (like tenants_by_slug for login).
ALTER TABLE tenants ADD COLUMN join_token varchar(64) NOT NULL
    DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
    CHECK (length(join_token) >= 32);
CREATE UNIQUE INDEX tenants_join_token_key ON tenants (join_token);
CREATE POLICY tenants_by_join_token ON tenants FOR SELECT
    USING (join_token = NULLIF(current_setting('app.join_token', true), ''));

-- Other modules see a user awaiting approval (or rejected) as not active.
CREATE OR REPLACE VIEW platform_users WITH (security_invoker = true) AS
SELECT tenant_id, id, name, email, active AND approved AS active, deleted_at
FROM users;

-- Which kinds of notification a user does not want (seed 003 admin_notifications): a user is subscribed to
-- every kind unless a row here says active = false.
CREATE TABLE notification_subscriptions (
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    type       varchar(40) NOT NULL CHECK (type ~ '^[a-z]+(\.[a-z_]+)+$'),
    active     boolean     NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, type),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
SELECT app_protect_tenant_table('notification_subscriptions');
GRANT SELECT, INSERT, UPDATE ON notification_subscriptions TO ${app_role};

-- The join link and a vehicle order's tracking link are secrets like a password hash: the audit log records
-- that they changed, never their value.
CREATE OR REPLACE FUNCTION audit_mask(j jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE WHEN j IS NULL THEN NULL ELSE
        (j - 'search' - 'sku_key') || (SELECT coalesce(jsonb_object_agg(k, '***'), '{}'::jsonb)
              FROM unnest(ARRAY['password_hash', 'key_hash', 'join_token', 'tracking_token']) k WHERE j ? k)
    END
$$;
