-- The customer inbox (seed 002): channels, contacts, conversations, messages, tags, response templates and
-- scheduled messages. Seed errata: conversations name no assistant yet (assistants are a later issue); the messages
-- key on (tenant, platform, external message id) gets its platform column, and lives in message_external_ids
-- because a unique index on a partitioned table must include the partition key.

-- Channels (seed 002 integrations). Secrets are encrypted by the application (Tink) into credentials; config holds
-- what is not secret (a WhatsApp phone number id, a web chat's colour and greeting).
CREATE TABLE integrations (
    tenant_id     uuid         NOT NULL REFERENCES tenants (id),
    id            uuid         NOT NULL,
    type          varchar(20)  NOT NULL CHECK (type IN ('whatsapp', 'facebook', 'instagram', 'telegram', 'web_chat')),
    name          varchar(255) NOT NULL CHECK (btrim(name) <> ''),
    status        varchar(20)  NOT NULL DEFAULT 'inactive' CHECK (status IN ('active', 'inactive', 'error', 'pending')),
    config        jsonb        NOT NULL DEFAULT '{}',
    credentials   bytea,
    webhook_url   varchar(500),
    last_sync_at  timestamptz,
    error_message text,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, type, name)
);
SELECT app_protect_tenant_table('integrations');
GRANT SELECT, INSERT, UPDATE ON integrations TO ${app_role};

-- How an inbound request finds its company before the company is known: a WhatsApp phone number id, a web chat's
-- public key. Whoever names the address may see its one row (as api_keys_by_hash).
CREATE TABLE channel_routes (
    channel_type   varchar(20)  NOT NULL,
    address        varchar(255) NOT NULL CHECK (btrim(address) <> ''),
    tenant_id      uuid         NOT NULL,
    integration_id uuid         NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (channel_type, address),
    FOREIGN KEY (tenant_id, integration_id) REFERENCES integrations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX channel_routes_integration_idx ON channel_routes (tenant_id, integration_id);
SELECT app_protect_tenant_table('channel_routes');
CREATE POLICY channel_routes_by_address ON channel_routes FOR SELECT
    USING (address = NULLIF(current_setting('app.channel_address', true), ''));
GRANT SELECT, INSERT, DELETE ON channel_routes TO ${app_role};

-- Contacts (seed 002). customer_id links a sales customer (matched by phone or email, or by hand); a contact merged
-- into another keeps its row (its external id still routes) and points to the one kept.
CREATE TABLE contacts (
    tenant_id           uuid         NOT NULL REFERENCES tenants (id),
    id                  uuid         NOT NULL,
    external_id         varchar(255) NOT NULL CHECK (btrim(external_id) <> ''),
    platform            varchar(20)  NOT NULL CHECK (platform IN ('whatsapp', 'facebook', 'instagram', 'telegram', 'web_chat')),
    name                varchar(255),
    phone               varchar(50),
    email               varchar(255),
    avatar_url          text,
    is_group            boolean      NOT NULL DEFAULT false,
    is_blocked          boolean      NOT NULL DEFAULT false,
    metadata            jsonb        NOT NULL DEFAULT '{}',
    tags                text[]       NOT NULL DEFAULT '{}',
    custom_fields       jsonb        NOT NULL DEFAULT '{}',
    customer_id         uuid,
    merged_into         uuid,
    last_interaction_at timestamptz,
    interaction_count   integer      NOT NULL DEFAULT 0 CHECK (interaction_count >= 0),
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    version             bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, platform, external_id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, merged_into) REFERENCES contacts (tenant_id, id),
    CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE INDEX contacts_phone_idx ON contacts (tenant_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX contacts_email_idx ON contacts (tenant_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX contacts_customer_idx ON contacts (tenant_id, customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX contacts_recent_idx ON contacts (tenant_id, last_interaction_at DESC);
CREATE INDEX contacts_tags_idx ON contacts USING GIN (tags);
SELECT app_protect_tenant_table('contacts');
GRANT SELECT, INSERT, UPDATE ON contacts TO ${app_role};
-- Interaction counters change with every message: not edits, not audited.
CREATE TRIGGER contacts_audit AFTER INSERT OR DELETE OR UPDATE OF name, phone, email, avatar_url, is_blocked, tags,
    custom_fields, customer_id, merged_into ON contacts
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- Conversations (seed 002). One per contact and channel, reopened by a new inbound message. last_inbound_at is the
-- contact's last message (WhatsApp's 24-hour customer-service window counts from it).
CREATE TABLE conversations (
    tenant_id                uuid         NOT NULL REFERENCES tenants (id),
    id                       uuid         NOT NULL,
    contact_id               uuid         NOT NULL,
    integration_id           uuid,
    platform                 varchar(20)  NOT NULL,
    external_conversation_id varchar(255) NOT NULL,
    title                    varchar(255),
    status                   varchar(20)  NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'pending', 'resolved', 'closed')),
    priority                 varchar(20)  NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    assigned_to              uuid,
    metadata                 jsonb        NOT NULL DEFAULT '{}',
    last_message_at          timestamptz,
    last_inbound_at          timestamptz,
    last_message_preview     varchar(200),
    first_response_at        timestamptz,
    first_response_time      integer CHECK (first_response_time >= 0),
    opened_at                timestamptz  NOT NULL DEFAULT now(),
    resolved_at              timestamptz,
    resolution_time          integer CHECK (resolution_time >= 0),
    satisfaction_score       integer CHECK (satisfaction_score BETWEEN 1 AND 5),
    satisfaction_asked_at    timestamptz,
    snoozed_until            timestamptz,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now(),
    version                  bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, platform, external_conversation_id),
    FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
    FOREIGN KEY (tenant_id, integration_id) REFERENCES integrations (tenant_id, id),
    FOREIGN KEY (tenant_id, assigned_to) REFERENCES users (tenant_id, id)
);
CREATE INDEX conversations_inbox_idx ON conversations (tenant_id, status, last_message_at DESC);
CREATE INDEX conversations_assignee_idx ON conversations (tenant_id, assigned_to, status) WHERE assigned_to IS NOT NULL;
CREATE INDEX conversations_contact_idx ON conversations (tenant_id, contact_id);
SELECT app_protect_tenant_table('conversations');
GRANT SELECT, INSERT, UPDATE ON conversations TO ${app_role};
CREATE TRIGGER conversations_audit AFTER INSERT OR DELETE OR UPDATE OF contact_id, title, status, priority,
    assigned_to, satisfaction_score, snoozed_until ON conversations
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- Response templates (seed 002): canned answers (typed as /shortcut) and, with trigger keywords, auto-replies.
-- channel_template_name/language name a template the channel has approved (WhatsApp, outside the 24-hour window).
CREATE TABLE response_templates (
    tenant_id                 uuid         NOT NULL REFERENCES tenants (id),
    id                        uuid         NOT NULL,
    name                      varchar(255) NOT NULL CHECK (btrim(name) <> ''),
    shortcut                  varchar(50)  NOT NULL CHECK (shortcut ~ '^[a-z0-9_-]+$'),
    content                   text         NOT NULL CHECK (btrim(content) <> ''),
    category                  varchar(100) NOT NULL DEFAULT 'general',
    trigger_keywords          text[]       NOT NULL DEFAULT '{}',
    conditions                jsonb        NOT NULL DEFAULT '{}',
    priority                  integer      NOT NULL DEFAULT 0,
    response_delay            integer      NOT NULL DEFAULT 0 CHECK (response_delay >= 0),
    is_active                 boolean      NOT NULL DEFAULT true,
    usage_count               integer      NOT NULL DEFAULT 0,
    channel_template_name     varchar(512),
    channel_template_language varchar(15),
    created_at                timestamptz  NOT NULL DEFAULT now(),
    updated_at                timestamptz  NOT NULL DEFAULT now(),
    deleted_at                timestamptz,
    version                   bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX response_templates_shortcut_key ON response_templates (tenant_id, shortcut) WHERE deleted_at IS NULL;
CREATE INDEX response_templates_keywords_idx ON response_templates USING GIN (trigger_keywords);
SELECT app_protect_tenant_table('response_templates');
GRANT SELECT, INSERT, UPDATE ON response_templates TO ${app_role};

-- Messages (seed 002), partitioned by month like the audit log; append-only apart from delivery status.
CREATE TABLE messages (
    tenant_id           uuid         NOT NULL,
    id                  uuid         NOT NULL,
    conversation_id     uuid         NOT NULL,
    platform            varchar(20)  NOT NULL,
    external_message_id varchar(255),
    sender_type         varchar(20)  NOT NULL CHECK (sender_type IN ('user', 'contact', 'assistant', 'system')),
    sender_id           uuid,
    content             text         NOT NULL DEFAULT '',
    message_type        varchar(20)  NOT NULL DEFAULT 'text'
        CHECK (message_type IN ('text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'interactive',
                                'template')),
    media_url           text,
    media_metadata      jsonb        NOT NULL DEFAULT '{}',
    is_from_me          boolean      NOT NULL DEFAULT false,
    is_private          boolean      NOT NULL DEFAULT false,
    is_auto_response    boolean      NOT NULL DEFAULT false,
    template_id         uuid,
    status              varchar(20)  NOT NULL DEFAULT 'sent'
        CHECK (status IN ('pending', 'sent', 'delivered', 'read', 'failed')),
    error_message       text,
    quoted_message_id   uuid,
    metadata            jsonb        NOT NULL DEFAULT '{}',
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id, created_at),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
    CHECK (NOT is_private OR sender_type = 'user')
) PARTITION BY RANGE (created_at);
CREATE INDEX messages_thread_idx ON messages (tenant_id, conversation_id, created_at DESC);
CREATE TABLE messages_default PARTITION OF messages DEFAULT;
SELECT app_protect_tenant_table('messages');
GRANT SELECT, INSERT, UPDATE ON messages TO ${app_role};

-- The seed's UNIQUE (tenant_id, platform, external_message_id): a webhook delivered twice stores one message.
CREATE TABLE message_external_ids (
    tenant_id           uuid         NOT NULL,
    platform            varchar(20)  NOT NULL,
    external_message_id varchar(255) NOT NULL,
    message_id          uuid         NOT NULL,
    message_created_at  timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, platform, external_message_id)
);
SELECT app_protect_tenant_table('message_external_ids');
GRANT SELECT, INSERT ON message_external_ids TO ${app_role};

CREATE FUNCTION ensure_message_partitions(months_ahead integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public
    SET timezone = 'UTC'
AS $$
DECLARE
    month_start date;
    partition   text;
    created     integer := 0;
BEGIN
    FOR i IN 0..months_ahead LOOP
        month_start := (date_trunc('month', now()) + make_interval(months => i))::date;
        partition := format('messages_%s', to_char(month_start, 'YYYY_MM'));
        CONTINUE WHEN to_regclass(partition) IS NOT NULL;
        BEGIN
            EXECUTE format('CREATE TABLE %I PARTITION OF messages FOR VALUES FROM (%L) TO (%L)',
                           partition, month_start, (month_start + interval '1 month')::date);
            created := created + 1;
        EXCEPTION WHEN check_violation THEN
            RAISE WARNING 'messages_default holds rows for %; partition % not created', month_start, partition;
        END;
    END LOOP;
    RETURN created;
END $$;
REVOKE ALL ON FUNCTION ensure_message_partitions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ensure_message_partitions(integer) TO ${app_role};
-- Demo data dates messages up to a year back.
DO $$
BEGIN
    FOR i IN 1..12 LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF messages FOR VALUES FROM (%L) TO (%L)',
                       format('messages_%s', to_char(date_trunc('month', now()) - make_interval(months => i), 'YYYY_MM')),
                       (date_trunc('month', now()) - make_interval(months => i))::date,
                       (date_trunc('month', now()) - make_interval(months => i - 1))::date);
    END LOOP;
END $$;
SELECT ensure_message_partitions(3);

-- Media kept with messages (a channel's downloads, an agent's attachments); messages.media_url points to
-- /messaging/media/{id}, served only to the company's readers.
CREATE TABLE media_files (
    tenant_id    uuid         NOT NULL REFERENCES tenants (id),
    id           uuid         NOT NULL,
    content_type varchar(255) NOT NULL,
    file_name    varchar(255),
    size_bytes   bigint       NOT NULL CHECK (size_bytes >= 0),
    sha256       char(64),
    content      bytea        NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
SELECT app_protect_tenant_table('media_files');
GRANT SELECT, INSERT ON media_files TO ${app_role};

-- Outbound messages wait here until their channel took them (retries with backoff); the worker finds the
-- companies with work due through messaging_outbox_tenants_due().
CREATE TABLE message_outbox (
    tenant_id          uuid        NOT NULL,
    message_id         uuid        NOT NULL,
    message_created_at timestamptz NOT NULL,
    channel_type       varchar(20) NOT NULL,
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL DEFAULT now(),
    last_error         text,
    done_at            timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, message_id)
);
CREATE INDEX message_outbox_due_idx ON message_outbox (next_attempt_at) WHERE done_at IS NULL;
SELECT app_protect_tenant_table('message_outbox');
GRANT SELECT, INSERT, UPDATE ON message_outbox TO ${app_role};
CREATE FUNCTION messaging_outbox_tenants_due(max_attempts integer) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT DISTINCT tenant_id FROM message_outbox WHERE done_at IS NULL AND next_attempt_at <= now()
                                                   AND attempts < max_attempts
$$;
REVOKE ALL ON FUNCTION messaging_outbox_tenants_due(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION messaging_outbox_tenants_due(integer) TO ${app_role};

-- Auto-replies sent: one per inbound message at most (the key refuses a second); a template (or the away message,
-- template null) answers a conversation again only after a pause, so two robots cannot talk in a loop.
CREATE TABLE auto_replies (
    tenant_id       uuid        NOT NULL,
    message_id      uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    template_id     uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, message_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
    FOREIGN KEY (tenant_id, template_id) REFERENCES response_templates (tenant_id, id)
);
CREATE INDEX auto_replies_conversation_idx ON auto_replies (tenant_id, conversation_id, created_at DESC);
SELECT app_protect_tenant_table('auto_replies');
GRANT SELECT, INSERT ON auto_replies TO ${app_role};

-- Tags (seed 002), and which conversations carry them.
CREATE TABLE tags (
    tenant_id   uuid         NOT NULL REFERENCES tenants (id),
    id          uuid         NOT NULL,
    name        varchar(100) NOT NULL CHECK (btrim(name) <> ''),
    description text,
    color       varchar(7)   NOT NULL DEFAULT '#3B82F6' CHECK (color ~ '^#[0-9A-Fa-f]{6}$'),
    category    varchar(50)  NOT NULL DEFAULT 'general',
    is_active   boolean      NOT NULL DEFAULT true,
    usage_count integer      NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX tags_name_key ON tags (tenant_id, lower(name));
SELECT app_protect_tenant_table('tags');
GRANT SELECT, INSERT, UPDATE ON tags TO ${app_role};

CREATE TABLE conversation_tags (
    tenant_id       uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    tag_id          uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, conversation_id, tag_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
    FOREIGN KEY (tenant_id, tag_id) REFERENCES tags (tenant_id, id)
);
CREATE INDEX conversation_tags_tag_idx ON conversation_tags (tenant_id, tag_id);
SELECT app_protect_tenant_table('conversation_tags');
GRANT SELECT, INSERT, DELETE ON conversation_tags TO ${app_role};

-- Scheduled messages (seed 002), sent at their time by a worker.
CREATE TABLE scheduled_messages (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    content         text        NOT NULL CHECK (btrim(content) <> ''),
    message_type    varchar(20) NOT NULL DEFAULT 'text',
    media_url       text,
    scheduled_at    timestamptz NOT NULL,
    status          varchar(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    sent_at         timestamptz,
    message_id      uuid,
    error_message   text,
    created_by      uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX scheduled_messages_due_idx ON scheduled_messages (scheduled_at) WHERE status = 'pending';
CREATE INDEX scheduled_messages_conversation_idx ON scheduled_messages (tenant_id, conversation_id);
SELECT app_protect_tenant_table('scheduled_messages');
GRANT SELECT, INSERT, UPDATE ON scheduled_messages TO ${app_role};
CREATE FUNCTION messaging_scheduled_tenants_due() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT DISTINCT tenant_id FROM scheduled_messages WHERE status = 'pending' AND scheduled_at <= now()
$$;
REVOKE ALL ON FUNCTION messaging_scheduled_tenants_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION messaging_scheduled_tenants_due() TO ${app_role};

-- Agents: available or not, how many open conversations each takes, who had the last one (round robin); and
-- until when each has read each conversation (unread counts per agent).
CREATE TABLE inbox_agents (
    tenant_id        uuid        NOT NULL,
    user_id          uuid        NOT NULL,
    available        boolean     NOT NULL DEFAULT true,
    capacity         integer     NOT NULL DEFAULT 10 CHECK (capacity > 0),
    last_assigned_at timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
SELECT app_protect_tenant_table('inbox_agents');
GRANT SELECT, INSERT, UPDATE ON inbox_agents TO ${app_role};

CREATE TABLE conversation_reads (
    tenant_id       uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, user_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
SELECT app_protect_tenant_table('conversation_reads');
GRANT SELECT, INSERT, UPDATE ON conversation_reads TO ${app_role};

-- The company's inbox rules: automatic assignment, business hours with an away message, the satisfaction question.
-- business_hours: {"mon": [["09:00", "18:00"]], ...} in the company's time zone; empty means always open.
CREATE TABLE inbox_settings (
    tenant_id             uuid        NOT NULL REFERENCES tenants (id),
    auto_assign           boolean     NOT NULL DEFAULT false,
    business_hours        jsonb       NOT NULL DEFAULT '{}',
    away_message          text,
    satisfaction_question text,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id)
);
SELECT app_protect_tenant_table('inbox_settings');
GRANT SELECT, INSERT, UPDATE ON inbox_settings TO ${app_role};
CREATE TRIGGER inbox_settings_audit AFTER INSERT OR UPDATE OR DELETE ON inbox_settings
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');
