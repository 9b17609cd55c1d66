package dev.bodega.messaging.internal;

import dev.bodega.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Writes the messages table (partitioned by month: a message is found by its id and its creation time). */
@Component
public class MessageStore {

    /** A stored message's key. */
    public record Ref(UUID id, Instant createdAt) {
    }

    /** What a new message row holds; null fields take the column's default. */
    public record NewMessage(UUID conversationId, String platform, String externalMessageId, String senderType,
                             UUID senderId, String content, String messageType, String mediaUrl,
                             Map<String, Object> mediaMetadata, boolean fromMe, boolean isPrivate, boolean autoResponse,
                             UUID templateId, String status, UUID quotedMessageId, Instant createdAt,
                             Map<String, Object> metadata) {
    }

    private static final String STATUS_ORDER = "ARRAY['pending', 'sent', 'delivered', 'read']";

    private final JdbcClient jdbc;
    private final Json json;

    MessageStore(JdbcClient jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new message, its platform id (if any) claimed. */
    public Ref insert(UUID tenantId, NewMessage m) {
        Ref ref = new Ref(Ids.next(), (m.createdAt() == null ? Instant.now() : m.createdAt()).truncatedTo(ChronoUnit.MICROS));
        insert(tenantId, ref, m);
        if (m.externalMessageId() != null) {
            claimExternalId(tenantId, m.platform(), m.externalMessageId(), ref);
        }
        return ref;
    }

    /** Writes the row only: its platform id, if any, was claimed before. */
    public void insert(UUID tenantId, Ref ref, NewMessage m) {
        jdbc.sql("""
                        INSERT INTO messages (tenant_id, id, conversation_id, platform, external_message_id, sender_type,
                                              sender_id, content, message_type, media_url, media_metadata, is_from_me,
                                              is_private, is_auto_response, template_id, status, quoted_message_id,
                                              created_at, metadata)
                        VALUES (:tenant, :id, :conversation, :platform, :external, :senderType, :senderId, :content,
                                :type, :mediaUrl, CAST(:media AS jsonb), :fromMe, :private, :auto, :template, :status,
                                :quoted, :createdAt, CAST(:metadata AS jsonb))""")
                .param("tenant", tenantId).param("id", ref.id()).param("conversation", m.conversationId())
                .param("platform", m.platform()).param("external", m.externalMessageId())
                .param("senderType", m.senderType()).param("senderId", m.senderId())
                .param("content", m.content() == null ? "" : m.content())
                .param("type", m.messageType() == null ? "text" : m.messageType()).param("mediaUrl", m.mediaUrl())
                .param("media", json.write(m.mediaMetadata() == null ? Map.of() : m.mediaMetadata()))
                .param("fromMe", m.fromMe()).param("private", m.isPrivate()).param("auto", m.autoResponse())
                .param("template", m.templateId()).param("status", m.status()).param("quoted", m.quotedMessageId())
                .param("createdAt", Timestamp.from(ref.createdAt()))
                .param("metadata", json.write(m.metadata() == null ? Map.of() : m.metadata()))
                .update();
    }

    /** Claims a platform's message id for a message; false when another message holds it already. */
    public boolean claimExternalId(UUID tenantId, String platform, String externalId, Ref ref) {
        return jdbc.sql("""
                        INSERT INTO message_external_ids (tenant_id, platform, external_message_id, message_id,
                                                          message_created_at)
                        VALUES (:tenant, :platform, :external, :id, :createdAt) ON CONFLICT DO NOTHING""")
                .param("tenant", tenantId).param("platform", platform).param("external", externalId)
                .param("id", ref.id()).param("createdAt", Timestamp.from(ref.createdAt())).update() == 1;
    }

    public Optional<Ref> byExternalId(UUID tenantId, String platform, String externalId) {
        return jdbc.sql("""
                        SELECT message_id AS id, message_created_at AS created_at FROM message_external_ids
                        WHERE tenant_id = :tenant AND platform = :platform AND external_message_id = :external""")
                .param("tenant", tenantId).param("platform", platform).param("external", externalId)
                .query(Ref.class).optional();
    }

    /** Records the channel's id of a message it took. */
    public void setExternalId(UUID tenantId, Ref ref, String platform, String externalId) {
        jdbc.sql("""
                        UPDATE messages SET external_message_id = :external, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND created_at = :createdAt""")
                .param("external", externalId).param("tenant", tenantId).param("id", ref.id())
                .param("createdAt", Timestamp.from(ref.createdAt())).update();
        claimExternalId(tenantId, platform, externalId, ref);
    }

    /**
     * Moves a message's status forward only ({@link MessageStatus}); {@code failed} only before it reached the phone.
     * Returns the conversation when the status changed, empty when it was already as far or further.
     */
    public Optional<UUID> advanceStatus(UUID tenantId, Ref ref, MessageStatus status, String error) {
        String allowed = status == MessageStatus.FAILED
                ? "status IN ('pending', 'sent')"
                : "status <> 'failed' AND array_position(" + STATUS_ORDER + ", status::text) < array_position("
                  + STATUS_ORDER + ", CAST(:status AS text))";
        return jdbc.sql("UPDATE messages SET status = :status, error_message = :error, updated_at = now() "
                        + "WHERE tenant_id = :tenant AND id = :id AND created_at = :createdAt AND " + allowed
                        + " RETURNING conversation_id")
                .param("status", status.code()).param("error", error).param("tenant", tenantId).param("id", ref.id())
                .param("createdAt", Timestamp.from(ref.createdAt()))
                .query(UUID.class).optional();
    }
}
