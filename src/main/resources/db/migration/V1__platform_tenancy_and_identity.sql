-- Platform: tenants, users, roles, API keys, security events, notifications.
-- Every tenant table has (tenant_id, id) as its key, composite foreign keys,
-- and FORCE ROW LEVEL SECURITY on the tenant set for the current transaction.

CREATE FUNCTION app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION app_current_user() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT EXECUTE ON FUNCTION app_current_tenant(), app_current_user() TO ${app_role};

-- One row: facts about this installation that are not tenant data.
CREATE TABLE installation (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    demo_seeded_at timestamptz
);
INSERT INTO installation DEFAULT VALUES;
GRANT SELECT, UPDATE ON installation TO ${app_role};

CREATE TABLE tenants (
    id                   uuid PRIMARY KEY,
    slug                 varchar(63)  NOT NULL CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    name                 varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    domain               varchar(255),
    plan                 varchar(20)  NOT NULL DEFAULT 'starter' CHECK (plan IN ('starter', 'pro', 'enterprise')),
    status               varchar(20)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'cancelled')),
    currency             char(3)      NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    tax_rate             numeric(5,2) NOT NULL DEFAULT 0 CHECK (tax_rate >= 0 AND tax_rate < 100),
    prices_include_tax   boolean      NOT NULL DEFAULT true,
    locale               varchar(10)  NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
    time_zone            varchar(64)  NOT NULL DEFAULT 'America/Bogota',
    allow_negative_stock boolean      NOT NULL DEFAULT false,
    max_users            integer      NOT NULL DEFAULT 25    CHECK (max_users > 0),
    max_locations        integer      NOT NULL DEFAULT 10    CHECK (max_locations > 0),
    max_items            integer      NOT NULL DEFAULT 50000 CHECK (max_items > 0),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    deleted_at           timestamptz,
    version              bigint       NOT NULL DEFAULT 0
);
-- A slug stays reserved after a soft delete: old links and API clients must not reach a new company.
CREATE UNIQUE INDEX tenants_slug_key ON tenants (slug);
CREATE UNIQUE INDEX tenants_domain_key ON tenants (lower(domain)) WHERE domain IS NOT NULL AND deleted_at IS NULL;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenants_own ON tenants USING (id = app_current_tenant());
-- Login knows only the slug the user typed: it may see that one tenant, nothing else.
CREATE POLICY tenants_by_slug ON tenants FOR SELECT
    USING (slug = NULLIF(current_setting('app.tenant_slug', true), ''));
GRANT SELECT, INSERT, UPDATE ON tenants TO ${app_role};

CREATE TABLE users (
    tenant_id                uuid         NOT NULL REFERENCES tenants (id),
    id                       uuid         NOT NULL,
    email                    varchar(254) NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name                     varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    phone                    varchar(32),
    password_hash            varchar(100) NOT NULL,
    active                   boolean      NOT NULL DEFAULT true,
    verified                 boolean      NOT NULL DEFAULT false,
    password_change_required boolean      NOT NULL DEFAULT false,
    failed_attempts          integer      NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until             timestamptz,
    last_login_at            timestamptz,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now(),
    deleted_at               timestamptz,
    version                  bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX users_email_key ON users (tenant_id, email) WHERE deleted_at IS NULL;

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_tenant ON users USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON users TO ${app_role};

CREATE TABLE roles (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    name        varchar(50) NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]*$'),
    description varchar(255),
    permissions text[]      NOT NULL DEFAULT '{}',
    system      boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);
ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE roles FORCE ROW LEVEL SECURITY;
CREATE POLICY roles_tenant ON roles USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON roles TO ${app_role};

CREATE TABLE user_roles (
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    role_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, role_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, role_id) REFERENCES roles (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX user_roles_role_idx ON user_roles (tenant_id, role_id);
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_roles FORCE ROW LEVEL SECURITY;
CREATE POLICY user_roles_tenant ON user_roles USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, DELETE ON user_roles TO ${app_role};

CREATE TABLE api_keys (
    tenant_id    uuid         NOT NULL,
    id           uuid         NOT NULL,
    user_id      uuid         NOT NULL,
    name         varchar(100) NOT NULL CHECK (btrim(name) <> ''),
    prefix       varchar(16)  NOT NULL,
    key_hash     char(64)     NOT NULL,
    permissions  text[]       NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   uuid,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, revoked_by) REFERENCES users (tenant_id, id)
);
CREATE UNIQUE INDEX api_keys_hash_key ON api_keys (key_hash);
CREATE INDEX api_keys_user_idx ON api_keys (tenant_id, user_id);
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY api_keys_tenant ON api_keys USING (tenant_id = app_current_tenant());
-- A Bearer token is resolved before its tenant is known: whoever holds the secret may see its one row.
CREATE POLICY api_keys_by_hash ON api_keys FOR SELECT
    USING (key_hash = NULLIF(current_setting('app.api_key_hash', true), ''));
GRANT SELECT, INSERT, UPDATE ON api_keys TO ${app_role};

CREATE TABLE security_events (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    user_id     uuid,
    event_type  varchar(40) NOT NULL CHECK (event_type IN (
                    'LOGIN_SUCCESS', 'LOGIN_FAILURE', 'ACCOUNT_LOCKED', 'LOGOUT', 'PASSWORD_CHANGED',
                    'SESSION_ENDED', 'API_KEY_CREATED', 'API_KEY_USED', 'API_KEY_REVOKED', 'ACCESS_DENIED')),
    risk_level  varchar(10) NOT NULL DEFAULT 'low' CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
    ip_address  inet,
    user_agent  text,
    session_id  varchar(100),
    details     text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX security_events_time_idx ON security_events (tenant_id, occurred_at DESC);
ALTER TABLE security_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_events FORCE ROW LEVEL SECURITY;
CREATE POLICY security_events_tenant ON security_events USING (tenant_id = app_current_tenant());
-- Append-only: the application may record and read, never rewrite.
GRANT SELECT, INSERT ON security_events TO ${app_role};

CREATE TABLE notifications (
    tenant_id  uuid         NOT NULL,
    id         uuid         NOT NULL,
    user_id    uuid         NOT NULL,
    title      varchar(200) NOT NULL,
    message    text         NOT NULL DEFAULT '',
    type       varchar(20)  NOT NULL DEFAULT 'info' CHECK (type IN ('info', 'success', 'warning', 'alert', 'security')),
    priority   varchar(10)  NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    link       varchar(500),
    read_at    timestamptz,
    created_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX notifications_user_idx ON notifications (tenant_id, user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (tenant_id, user_id) WHERE read_at IS NULL;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_tenant ON notifications USING (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE ON notifications TO ${app_role};
