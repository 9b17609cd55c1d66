package dev.bodega.messaging.internal;

import dev.bodega.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Messages from the shop: an agent's reply or private note, an auto-reply, a scheduled message. A message for the
 * contact is checked by its channel, stored {@code pending} with its outbox row in one transaction, and sent by
 * {@link MessageOutbox} after the commit.
 */
@Service
public class Outgoing {

    /**
     * What to send.
     *
     * @param senderType         {@code user} (an agent), {@code system} (auto-replies, scheduled) or {@code assistant}
     * @param senderId           the agent, or null
     * @param isPrivate          a note between agents: stored, never sent
     * @param templateId         the response template used, or null
     * @param templateParameters a channel template's parameters ({{1}}, {{2}}...), when the template has one
     * @param quotedMessageId    the message answered, or null
     */
    public record Reply(UUID conversationId, String senderType, UUID senderId, String content, String messageType,
                        String mediaUrl, boolean isPrivate, boolean autoResponse, UUID templateId,
                        List<String> templateParameters, UUID quotedMessageId) {

        public static Reply text(UUID conversationId, UUID agentId, String content) {
            return new Reply(conversationId, "user", agentId, content, "text", null, false, false, null, List.of(), null);
        }
    }

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final MessageStore store;
    private final MessageOutbox outbox;
    private final LiveEvents live;
    private final OutboundRateLimit limit;
    private final Map<String, OutboundChannel> channels;

    Outgoing(JdbcClient jdbc, Recipients recipients, MessageStore store, MessageOutbox outbox, LiveEvents live,
             OutboundRateLimit limit, List<OutboundChannel> channels) {
        this.limit = limit;
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.store = store;
        this.outbox = outbox;
        this.live = live;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::type, Function.identity()));
    }

    /**
     * For automatic messages inside another transaction: sends unless the contact is blocked or the channel refuses
     * (then nothing is stored and the caller's transaction goes on).
     */
    public Optional<MessageStore.Ref> sendIfAccepted(UUID tenantId, Reply reply) {
        if (!reply.isPrivate() && !limit.tryTake(tenantId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(store(tenantId, reply));
        } catch (ErrorResponseException refused) {
            return Optional.empty();
        }
    }

    /**
     * For a worker inside its own transaction: sends, or throws the refusal without marking the transaction for
     * rollback (the caller records it).
     */
    public MessageStore.Ref sendIfAcceptedOrFail(UUID tenantId, Reply reply) {
        limit.take(tenantId);
        return store(tenantId, reply);
    }

    /** Sends (or notes) now; more than the plan allows in a minute is a 429. */
    @Transactional
    public MessageStore.Ref send(UUID tenantId, Reply reply) {
        if (!reply.isPrivate()) {
            limit.take(tenantId);
        }
        return store(tenantId, reply);
    }

    private MessageStore.Ref store(UUID tenantId, Reply reply) {
        Recipients.Target target = recipients.target(reply.conversationId());
        String status = "sent";
        if (!reply.isPrivate()) {
            if (target.blocked()) {
                throw Problems.of(MessagingProblem.CONTACT_BLOCKED, "The contact is blocked");
            }
            OutboundChannel channel = channels.get(target.platform());
            if (channel == null) {
                throw Problems.of(MessagingProblem.CHANNEL_UNAVAILABLE, "No channel sends to " + target.platform());
            }
            channel.check(recipients.outbound(tenantId, null, target, reply, 0));
            status = "pending";
        }
        String type = recipients.usesChannelTemplate(reply) ? "template" : reply.messageType();
        List<String> parameters = reply.templateParameters() == null ? List.of() : reply.templateParameters();
        MessageStore.Ref ref = store.insert(tenantId, new MessageStore.NewMessage(reply.conversationId(),
                target.platform(), null, reply.senderType(), reply.senderId(), reply.content(), type, reply.mediaUrl(),
                Map.of(), true, reply.isPrivate(), reply.autoResponse(), reply.templateId(), status,
                reply.quotedMessageId(), null, parameters.isEmpty() ? Map.of() : Map.of("templateParameters", parameters)));
        if (!reply.isPrivate()) {
            outbox.enqueue(tenantId, ref, target.platform());
        }
        touch(tenantId, target, reply);
        live.publish(new LiveEvent(tenantId, "message", reply.conversationId(), ref.id(), status));
        return ref;
    }

    private void touch(UUID tenantId, Recipients.Target target, Reply reply) {
        boolean firstAnswer = "user".equals(reply.senderType()) && !reply.isPrivate() && target.firstResponseAt() == null;
        jdbc.sql("""
                        UPDATE conversations SET last_message_at = now(), updated_at = now(),
                               last_message_preview = CASE WHEN :private THEN last_message_preview ELSE :preview END,
                               first_response_at = CASE WHEN :first THEN now() ELSE first_response_at END,
                               first_response_time = CASE WHEN :first
                                   THEN greatest(0, extract(epoch FROM now() - opened_at))::integer
                                   ELSE first_response_time END
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("private", reply.isPrivate()).param("preview", Previews.of(reply.content()))
                .param("first", firstAnswer).param("tenant", tenantId).param("id", target.id()).update();
    }
}
