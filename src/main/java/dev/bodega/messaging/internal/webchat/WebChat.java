package dev.bodega.messaging.internal.webchat;

import dev.bodega.messaging.internal.ChannelRoutes;
import dev.bodega.messaging.internal.InboundMessage;
import dev.bodega.messaging.internal.MediaFiles;
import dev.bodega.messaging.internal.Inbox;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.messaging.internal.channels.Channels;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The visitor's side of web chat. The script names the channel's public key (routed to the company) and a visitor
 * id it made and keeps in the browser; that id is the visitor's only credential, so it is long and random. A visitor
 * sees their own conversation's messages, never the team's private notes.
 */
@Service
class WebChat {

    static final Pattern VISITOR = Pattern.compile("^[A-Za-z0-9_-]{20,64}$");
    static final int PER_MINUTE = 20;
    /** Files cost storage: a few per visitor, and a cap per channel that made-up visitor ids cannot get round. */
    static final int FILES_PER_MINUTE = 5;
    static final int FILES_PER_CHANNEL_MINUTE = 60;

    record Channel(UUID tenantId, UUID integrationId) {
    }

    /** {@code attachment}: the message carries a file, fetched from {@code messages/{id}/file}. */
    record VisitorMessage(UUID id, boolean fromMe, String content, String status, Instant createdAt,
                          String messageType, boolean attachment) {
    }

    record Thread(String greeting, List<VisitorMessage> messages) {
    }

    private final ChannelRoutes routes;
    private final Channels channels;
    private final Inbox inbox;
    private final VisitorStreams streams;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MediaFiles media;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    WebChat(ChannelRoutes routes, Channels channels, Inbox inbox, VisitorStreams streams, JdbcClient jdbc,
            TransactionTemplate transactions, MediaFiles media) {
        this.media = media;
        this.routes = routes;
        this.channels = channels;
        this.inbox = inbox;
        this.streams = streams;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A visitor's message; {@code clientId} makes a resent message count once. */
    Inbox.Received send(String key, String visitorId, String name, String email, String text, String clientId) {
        Channel channel = channel(key, visitorId);
        take(key + "/" + visitorId, PER_MINUTE);
        String messageId = visitorId + ":" + (clientId == null || clientId.isBlank() ? UUID.randomUUID() : clientId);
        return inbox.receive(new InboundMessage(channel.tenantId(), channel.integrationId(), "web_chat", visitorId,
                blankToNull(name), null, blankToNull(email), messageId.length() > 255 ? messageId.substring(0, 255) : messageId,
                "text", text.strip(), null, Map.of(), null, null));
    }

    /**
     * A file from the visitor, into their own conversation (the visitor id names it; there is no other): kept as the
     * agents' attachments are, with its name as the message's text. A refused file stores nothing.
     */
    Inbox.Received sendFile(String key, String visitorId, String name, String email, VisitorFile file) {
        Channel channel = channel(key, visitorId);
        take("files/" + key, FILES_PER_CHANNEL_MINUTE);
        take("files/" + key + "/" + visitorId, FILES_PER_MINUTE);
        VisitorFiles.checkSize(file.size());
        byte[] bytes = file.bytes().get();
        String type = VisitorFiles.type(file.contentType(), bytes);
        String fileName = VisitorFiles.name(file.fileName());
        return as(channel, () -> {
            UUID id = media.store(channel.tenantId(), type, fileName, bytes);
            return inbox.receive(new InboundMessage(channel.tenantId(), channel.integrationId(), "web_chat", visitorId,
                    blankToNull(name), null, blankToNull(email), visitorId + ":file:" + id, MediaFiles.typeOf(type),
                    fileName, MediaFiles.URL + id, Map.of("mimeType", type, "fileName", fileName, "size", bytes.length),
                    null, null));
        });
    }

    /** A visitor's upload as it arrived; the bytes are read only once the size is known to be acceptable. */
    record VisitorFile(String fileName, String contentType, long size, Supplier<byte[]> bytes) {
    }

    /** The visitor's conversation (newest 100 messages, oldest first); the shop's messages shown are marked read. */
    Thread thread(String key, String visitorId) {
        Channel channel = channel(key, visitorId);
        List<VisitorMessage> messages = as(channel, () -> jdbc.sql("""
                        SELECT * FROM (
                            SELECT m.id, m.is_from_me AS from_me, m.content, m.status, m.created_at,
                                   m.message_type, coalesce(m.media_url LIKE :files, false) AS attachment
                            FROM conversations v
                            JOIN messages m ON m.tenant_id = v.tenant_id AND m.conversation_id = v.id
                            WHERE v.tenant_id = :tenant AND v.platform = 'web_chat'
                              AND v.external_conversation_id = :visitor AND NOT m.is_private
                            ORDER BY m.created_at DESC LIMIT 100) t
                        ORDER BY created_at, id""")
                .param("tenant", channel.tenantId()).param("visitor", visitorId).param("files", MediaFiles.URL + "%")
                .query(VisitorMessage.class).list());
        messages.stream().filter(m -> m.fromMe() && !"read".equals(m.status()) && !"failed".equals(m.status()))
                .forEach(m -> inbox.updateStatus(channel.tenantId(), "web_chat", "web-" + m.id(), "read", null));
        return new Thread(as(channel, () -> channels.greeting(channel.integrationId())), messages);
    }

    /** A file in the visitor's own conversation (the shop's or theirs); anything else is not found. */
    MediaFiles.Content file(String key, String visitorId, UUID messageId) {
        Channel channel = channel(key, visitorId);
        return as(channel, () -> jdbc.sql("""
                        SELECT m.media_url FROM conversations v
                        JOIN messages m ON m.tenant_id = v.tenant_id AND m.conversation_id = v.id
                        WHERE v.tenant_id = :tenant AND v.platform = 'web_chat' AND v.external_conversation_id = :visitor
                          AND m.id = :id AND NOT m.is_private""")
                .param("tenant", channel.tenantId()).param("visitor", visitorId).param("id", messageId)
                .query(String.class).optional().flatMap(MediaFiles::idOf).flatMap(media::content))
                .orElseThrow(() -> new NotFoundException("File"));
    }

    SseEmitter stream(String key, String visitorId) {
        Channel channel = channel(key, visitorId);
        return streams.open(channel.tenantId(), visitorId);
    }

    private Channel channel(String key, String visitorId) {
        if (visitorId == null || !VISITOR.matcher(visitorId).matches()) {
            throw new NotFoundException("Chat");
        }
        Channel channel = routes.find("web_chat", key).map(r -> new Channel(r.tenantId(), r.integrationId()))
                .orElseThrow(() -> new NotFoundException("Chat"));
        if (!as(channel, () -> channels.isActive(channel.integrationId()))) {
            throw new NotFoundException("Chat");
        }
        return channel;
    }

    private void take(String caller, int perMinute) {
        if (!buckets.computeIfAbsent(caller, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build()).tryConsume(1)) {
            throw Problems.of(MessagingProblem.RATE_LIMITED, "Too many messages; wait a moment");
        }
    }

    private <T> T as(Channel channel, Supplier<T> work) {
        return TenantContext.callAs(TenantContext.Scope.system(channel.tenantId()), () -> transactions.execute(s -> work.get()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
