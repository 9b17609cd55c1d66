package dev.bodega.messaging.internal;

import dev.bodega.platform.TenantContext;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The durable way out: an outbound message's outbox row is written with it, and the message goes to its
 * {@link OutboundChannel} right after the commit, or later with backoff when the channel fails, until
 * {@link #MAX_ATTEMPTS} tries (then the message is {@code failed}). An attempt first claims its row (a lease), so
 * two workers never send one message twice.
 */
@Component
public class MessageOutbox {

    private static final Logger log = LoggerFactory.getLogger(MessageOutbox.class);
    public static final int MAX_ATTEMPTS = 8;
    static final Duration LEASE = Duration.ofMinutes(5);

    record Claim(int attempts, Instant messageCreatedAt, String channelType) {
    }

    record Row(UUID conversationId, String senderType, UUID senderId, String content, String messageType,
               String mediaUrl, boolean isPrivate, boolean isAutoResponse, UUID templateId, UUID quotedMessageId,
               String metadata) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Recipients recipients;
    private final MessageStore store;
    private final LiveEvents live;
    private final Json json;
    private final Map<String, OutboundChannel> channels;
    private final ExecutorService senders = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "message-outbox");
        thread.setDaemon(true);
        return thread;
    });

    MessageOutbox(JdbcClient jdbc, TransactionTemplate transactions, Recipients recipients, MessageStore store,
                  LiveEvents live, Json json, List<OutboundChannel> channels) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.recipients = recipients;
        this.store = store;
        this.live = live;
        this.json = json;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::type, Function.identity()));
    }

    /** Writes the outbox row in the sender's transaction; the first attempt follows its commit. */
    void enqueue(UUID tenantId, MessageStore.Ref ref, String channelType) {
        jdbc.sql("""
                        INSERT INTO message_outbox (tenant_id, message_id, message_created_at, channel_type)
                        VALUES (:tenant, :id, :createdAt, :type)""")
                .param("tenant", tenantId).param("id", ref.id()).param("createdAt", Timestamp.from(ref.createdAt()))
                .param("type", channelType).update();
        Runnable first = () -> senders.execute(() -> deliver(tenantId, ref.id()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    first.run();
                }
            });
        } else {
            first.run();
        }
    }

    /** Sends everything due now, in every company (the scheduled worker; tests call it too). Returns the count tried. */
    public int deliverDue() {
        List<UUID> tenants = jdbc.sql("SELECT messaging_outbox_tenants_due(:max)").param("max", MAX_ATTEMPTS)
                .query(UUID.class).list();
        int tried = 0;
        for (UUID tenant : tenants) {
            List<UUID> due = TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(s ->
                    jdbc.sql("""
                                    SELECT message_id FROM message_outbox
                                    WHERE tenant_id = :tenant AND done_at IS NULL AND next_attempt_at <= now()
                                      AND attempts < :max
                                    ORDER BY next_attempt_at LIMIT 100""")
                            .param("tenant", tenant).param("max", MAX_ATTEMPTS).query(UUID.class).list()));
            for (UUID message : due) {
                deliver(tenant, message);
                tried++;
            }
        }
        return tried;
    }

    /** One attempt at one message, if it is due and no one else holds it. */
    public void deliver(UUID tenantId, UUID messageId) {
        TenantContext.runAs(TenantContext.Scope.system(tenantId), () -> claim(tenantId, messageId)
                .ifPresent(claim -> attempt(tenantId, messageId, claim)));
    }

    private Optional<Claim> claim(UUID tenantId, UUID messageId) {
        return transactions.execute(s -> jdbc.sql("""
                        UPDATE message_outbox SET attempts = attempts + 1,
                               next_attempt_at = now() + make_interval(secs => :lease)
                        WHERE tenant_id = :tenant AND message_id = :id AND done_at IS NULL AND next_attempt_at <= now()
                          AND attempts < :max
                        RETURNING attempts, message_created_at, channel_type""")
                .param("lease", LEASE.toSeconds()).param("tenant", tenantId).param("id", messageId)
                .param("max", MAX_ATTEMPTS).query(Claim.class).optional());
    }

    private void attempt(UUID tenantId, UUID messageId, Claim claim) {
        MessageStore.Ref ref = new MessageStore.Ref(messageId, claim.messageCreatedAt());
        try {
            OutboundChannel channel = channels.get(claim.channelType());
            if (channel == null) {
                throw new IllegalStateException("No channel sends to " + claim.channelType());
            }
            String externalId = channel.send(message(tenantId, ref, claim.attempts()));
            transactions.executeWithoutResult(s -> sent(tenantId, ref, claim.channelType(), externalId));
        } catch (Exception e) {
            log.info("Message {} not sent (attempt {}): {}", messageId, claim.attempts(), e.toString());
            transactions.executeWithoutResult(s -> failed(tenantId, ref, claim.attempts(), e));
        }
    }

    private OutboundMessage message(UUID tenantId, MessageStore.Ref ref, int attempt) {
        return transactions.execute(s -> {
            Row row = jdbc.sql("""
                            SELECT conversation_id, sender_type, sender_id, content, message_type, media_url, is_private,
                                   is_auto_response, template_id, quoted_message_id, metadata::text AS metadata
                            FROM messages WHERE tenant_id = :tenant AND id = :id AND created_at = :createdAt""")
                    .param("tenant", tenantId).param("id", ref.id()).param("createdAt", Timestamp.from(ref.createdAt()))
                    .query(Row.class).single();
            @SuppressWarnings("unchecked")
            List<String> parameters = (List<String>) json.read(row.metadata()).getOrDefault("templateParameters", List.of());
            Outgoing.Reply reply = new Outgoing.Reply(row.conversationId(), row.senderType(), row.senderId(),
                    row.content(), row.messageType(), row.mediaUrl(), row.isPrivate(), row.isAutoResponse(),
                    row.templateId(), parameters, row.quotedMessageId());
            OutboundMessage built = recipients.outbound(tenantId, ref.id(), recipients.target(row.conversationId()),
                    reply, attempt);
            return built;
        });
    }

    private void sent(UUID tenantId, MessageStore.Ref ref, String platform, String externalId) {
        jdbc.sql("UPDATE message_outbox SET done_at = now(), last_error = NULL WHERE tenant_id = :tenant AND message_id = :id")
                .param("tenant", tenantId).param("id", ref.id()).update();
        if (externalId != null) {
            store.setExternalId(tenantId, ref, platform, externalId);
        }
        store.advanceStatus(tenantId, ref, MessageStatus.SENT, null).ifPresent(conversation ->
                live.publish(new LiveEvent(tenantId, "status", conversation, ref.id(), MessageStatus.SENT.code())));
    }

    private void failed(UUID tenantId, MessageStore.Ref ref, int attempts, Exception e) {
        boolean last = attempts >= MAX_ATTEMPTS;
        String error = String.valueOf(e.getMessage());
        jdbc.sql("""
                        UPDATE message_outbox SET last_error = :error,
                               next_attempt_at = now() + make_interval(secs => :backoff),
                               done_at = CASE WHEN :last THEN now() END
                        WHERE tenant_id = :tenant AND message_id = :id""")
                .param("error", error).param("backoff", backoff(attempts).toSeconds()).param("last", last)
                .param("tenant", tenantId).param("id", ref.id()).update();
        if (last) {
            store.advanceStatus(tenantId, ref, MessageStatus.FAILED, error).ifPresent(conversation ->
                    live.publish(new LiveEvent(tenantId, "status", conversation, ref.id(), MessageStatus.FAILED.code())));
        }
    }

    /** 15 s, 30 s, 1 min, 2 min... at most an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(3600, 15L << Math.min(attempts - 1, 20)));
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }
}
