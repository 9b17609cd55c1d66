-- Assistants (seed 002 `assistants`) that answer a channel's conversations from the shop's catalog, stock, prices
-- and orders. provider 'builtin' is Bodega's own intent rules (no model, no network); openai, anthropic and local
-- (any OpenAI-compatible server at base_url) call a model. The provider key is encrypted by the application (Tink,
-- bound to the company and the assistant) as channel credentials are. working_hours: {"mon": [["09:00", "18:00"]]}
-- in the company's time zone, empty = always. Prices per million tokens give the estimated cost.
CREATE TABLE assistants (
    tenant_id        uuid          NOT NULL REFERENCES tenants (id),
    id               uuid          NOT NULL,
    name             varchar(255)  NOT NULL CHECK (btrim(name) <> ''),
    description      text,
    prompt           text,
    is_active        boolean       NOT NULL DEFAULT true,
    provider         varchar(20)   NOT NULL DEFAULT 'builtin'
        CHECK (provider IN ('builtin', 'openai', 'anthropic', 'local')),
    model            varchar(100),
    base_url         varchar(500),
    api_key_encrypted bytea,
    max_tokens       integer       NOT NULL DEFAULT 150 CHECK (max_tokens BETWEEN 1 AND 8000),
    temperature      numeric(3, 2) NOT NULL DEFAULT 0.7 CHECK (temperature BETWEEN 0 AND 2),
    timeout_seconds  integer       NOT NULL DEFAULT 20 CHECK (timeout_seconds BETWEEN 1 AND 120),
    response_delay   integer       NOT NULL DEFAULT 0 CHECK (response_delay BETWEEN 0 AND 600),
    working_hours    jsonb         NOT NULL DEFAULT '{}',
    fallback_message text,
    max_turns        integer       NOT NULL DEFAULT 10 CHECK (max_turns BETWEEN 1 AND 100),
    context_messages integer       NOT NULL DEFAULT 20 CHECK (context_messages BETWEEN 1 AND 100),
    integration_id   uuid,
    auto_assign      boolean       NOT NULL DEFAULT true,
    input_price      numeric(10, 4) NOT NULL DEFAULT 0 CHECK (input_price >= 0),
    output_price     numeric(10, 4) NOT NULL DEFAULT 0 CHECK (output_price >= 0),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    version          bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, integration_id) REFERENCES integrations (tenant_id, id)
);
-- One assistant takes a channel's new conversations.
CREATE UNIQUE INDEX assistants_channel_key ON assistants (tenant_id, integration_id)
    WHERE auto_assign AND is_active AND deleted_at IS NULL AND integration_id IS NOT NULL;
SELECT app_protect_tenant_table('assistants');
GRANT SELECT, INSERT, UPDATE ON assistants TO ${app_role};
CREATE TRIGGER assistants_audit AFTER INSERT OR DELETE OR UPDATE OF name, prompt, is_active, provider, model, base_url,
    api_key_encrypted, integration_id, auto_assign, deleted_at ON assistants
    FOR EACH ROW EXECUTE FUNCTION audit_row_change('tenant_id');

-- The assistant answering a conversation, until it hands the conversation to a person (and why).
ALTER TABLE conversations
    ADD COLUMN assistant_id uuid,
    ADD COLUMN assistant_handed_off_at timestamptz,
    ADD COLUMN assistant_handoff_reason varchar(30)
        CHECK (assistant_handoff_reason IN ('asked_for_person', 'cannot_help', 'max_turns', 'model_failed')),
    ADD FOREIGN KEY (tenant_id, assistant_id) REFERENCES assistants (tenant_id, id);
CREATE INDEX conversations_assistant_idx ON conversations (tenant_id, assistant_id) WHERE assistant_id IS NOT NULL;

-- The system's hand-off note is private to the agents too.
ALTER TABLE messages DROP CONSTRAINT messages_check;
ALTER TABLE messages ADD CONSTRAINT messages_private_sender_check CHECK (NOT is_private OR sender_type IN ('user', 'system'));

-- Inbound messages waiting for their assistant's answer (after the response delay); written with the message, so
-- an answer owed survives a restart. The worker finds companies with work due through the function below.
CREATE TABLE assistant_jobs (
    tenant_id       uuid        NOT NULL,
    message_id      uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    assistant_id    uuid        NOT NULL,
    due_at          timestamptz NOT NULL,
    locked_until    timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    done_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, message_id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
    FOREIGN KEY (tenant_id, assistant_id) REFERENCES assistants (tenant_id, id)
);
CREATE INDEX assistant_jobs_due_idx ON assistant_jobs (due_at) WHERE done_at IS NULL;
CREATE INDEX assistant_jobs_conversation_idx ON assistant_jobs (tenant_id, conversation_id) WHERE done_at IS NULL;
SELECT app_protect_tenant_table('assistant_jobs');
GRANT SELECT, INSERT, UPDATE ON assistant_jobs TO ${app_role};
CREATE FUNCTION messaging_assistant_tenants_due() RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT DISTINCT tenant_id FROM assistant_jobs
    WHERE done_at IS NULL AND due_at <= now() AND (locked_until IS NULL OR locked_until < now()) AND attempts < 3
$$;
REVOKE ALL ON FUNCTION messaging_assistant_tenants_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION messaging_assistant_tenants_due() TO ${app_role};

-- One row per turn an assistant took (seed 002 `assistant_metrics`, kept as facts rather than a materialized view):
-- answered or handed off, how long the answer took, the tokens the model counted and their estimated cost.
CREATE TABLE assistant_turns (
    tenant_id         uuid           NOT NULL,
    id                uuid           NOT NULL,
    assistant_id      uuid           NOT NULL,
    conversation_id   uuid           NOT NULL,
    outcome           varchar(20)    NOT NULL CHECK (outcome IN ('answered', 'handed_off')),
    handoff_reason    varchar(30),
    latency_ms        integer        NOT NULL CHECK (latency_ms >= 0),
    prompt_tokens     integer        NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0),
    completion_tokens integer        NOT NULL DEFAULT 0 CHECK (completion_tokens >= 0),
    cost              numeric(14, 6) NOT NULL DEFAULT 0 CHECK (cost >= 0),
    created_at        timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, assistant_id) REFERENCES assistants (tenant_id, id),
    FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
);
CREATE INDEX assistant_turns_assistant_idx ON assistant_turns (tenant_id, assistant_id, created_at);
CREATE INDEX assistant_turns_conversation_idx ON assistant_turns (tenant_id, conversation_id);
SELECT app_protect_tenant_table('assistant_turns');
GRANT SELECT, INSERT ON assistant_turns TO ${app_role};

-- The inbox is the staff's (V119, V138): a partner organization's users see none of it.
SELECT app_wall_off_partners(t) FROM unnest(ARRAY['assistants', 'assistant_jobs', 'assistant_turns']::regclass[]) t;
