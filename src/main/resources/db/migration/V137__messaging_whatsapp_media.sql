-- Pictures, voice notes, videos and files customers send on WhatsApp wait here to be fetched. The webhook only names
-- them (a media id, valid for a while); a worker fetches the bytes through the Graph API's media endpoint, retrying
-- with backoff, and keeps them in media_files under this row's id, so the inbox shows them after Meta has forgotten
-- them. One row per (channel, media id): a webhook delivered twice fetches once.
CREATE TABLE whatsapp_media (
    tenant_id       uuid         NOT NULL,
    id              uuid         NOT NULL,
    integration_id  uuid         NOT NULL,
    media_id        varchar(255) NOT NULL CHECK (btrim(media_id) <> ''),
    mime_type       varchar(255),
    filename        varchar(255),
    sha256          varchar(128),
    fetched_at      timestamptz,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, integration_id, media_id),
    FOREIGN KEY (tenant_id, integration_id) REFERENCES integrations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX whatsapp_media_due_idx ON whatsapp_media (next_attempt_at) WHERE fetched_at IS NULL;
SELECT app_protect_tenant_table('whatsapp_media');
GRANT SELECT, INSERT, UPDATE ON whatsapp_media TO ${app_role};

-- The fetch worker visits only the companies with media waiting (as mail_outbox_tenants_due, V112).
DO $$
BEGIN
    IF current_user <> '${app_role}' THEN
        EXECUTE format('CREATE POLICY whatsapp_media_owner_lists_due ON whatsapp_media FOR SELECT TO %I USING (fetched_at IS NULL)',
                       current_user);
    END IF;
END $$;
CREATE FUNCTION whatsapp_media_tenants_due(max_attempts integer) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT DISTINCT tenant_id FROM whatsapp_media
    WHERE fetched_at IS NULL AND next_attempt_at <= now() AND attempts < max_attempts
$$;
REVOKE ALL ON FUNCTION whatsapp_media_tenants_due(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION whatsapp_media_tenants_due(integer) TO ${app_role};

-- The outbox's retries find the companies with messages due through messaging_outbox_tenants_due() (V130), which
-- runs as the owner; every tenant table forces row-level security on the owner too, so the owner needs this policy
-- to see the due rows (as mail_outbox_owner_lists_due). Created here unless V130 already has it.
DO $$
BEGIN
    IF current_user <> '${app_role}' AND NOT EXISTS (
            SELECT 1 FROM pg_policies WHERE tablename = 'message_outbox' AND policyname = 'message_outbox_owner_lists_due') THEN
        EXECUTE format('CREATE POLICY message_outbox_owner_lists_due ON message_outbox FOR SELECT TO %I USING (done_at IS NULL)',
                       current_user);
    END IF;
END $$;
