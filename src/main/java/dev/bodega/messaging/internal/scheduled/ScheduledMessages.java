package dev.bodega.messaging.internal.scheduled;

import dev.bodega.messaging.internal.MessageStore;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Scheduled messages (seed 002): written for a time (the page reads it in the company's time zone), sent then by the
 * worker through the conversation's channel as their author's message; {@code pending → sent | failed}, or
 * {@code cancelled} before.
 */
@Service
public class ScheduledMessages {

    public record ScheduledView(UUID id, UUID conversationId, String contactName, String content, Instant scheduledAt,
                                String status, Instant sentAt, UUID messageId, String errorMessage, UUID createdBy,
                                String createdByName, long version) {
    }

    public record ScheduleRequest(@NotNull UUID conversationId,
                                  @NotBlank(message = "{inbox.reply.required}") @Size(max = 4096, message = "{field.too-long}") String content,
                                  @NotNull(message = "{inbox.scheduled.at.required}") Instant scheduledAt) {
    }

    record Due(UUID id, UUID conversationId, String content, UUID createdBy) {
    }

    private static final String SELECT = """
            SELECT s.id, s.conversation_id, coalesce(c.name, c.phone, c.external_id) AS contact_name, s.content,
                   s.scheduled_at, s.status, s.sent_at, s.message_id, s.error_message, s.created_by,
                   u.name AS created_by_name, s.version
            FROM scheduled_messages s
            JOIN conversations v ON v.tenant_id = s.tenant_id AND v.id = s.conversation_id
            JOIN contacts c ON c.tenant_id = v.tenant_id AND c.id = v.contact_id
            LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.created_by""";

    private final JdbcClient jdbc;
    private final Outgoing outgoing;
    private final TransactionTemplate transactions;

    ScheduledMessages(JdbcClient jdbc, Outgoing outgoing, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.outgoing = outgoing;
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    public List<ScheduledView> list(String status) {
        return jdbc.sql(SELECT + """
                         WHERE (CAST(:status AS text) IS NULL OR s.status = :status)
                        ORDER BY (s.status = 'pending') DESC, s.scheduled_at DESC LIMIT 200""")
                .param("status", status == null || status.isBlank() ? null : status).query(ScheduledView.class).list();
    }

    @Transactional(readOnly = true)
    public ScheduledView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(ScheduledView.class).optional()
                .orElseThrow(() -> new NotFoundException("Scheduled message"));
    }

    @Transactional
    public ScheduledView schedule(ScheduleRequest request) {
        boolean conversation = jdbc.sql("SELECT EXISTS (SELECT FROM conversations WHERE id = :id)")
                .param("id", request.conversationId()).query(Boolean.class).single();
        if (!conversation) {
            throw new NotFoundException("Conversation");
        }
        if (!request.scheduledAt().isAfter(Instant.now())) {
            throw Problems.of(MessagingProblem.SCHEDULE_IN_PAST, "The time to send has passed");
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO scheduled_messages (tenant_id, id, conversation_id, content, scheduled_at, created_by)
                        VALUES (:tenant, :id, :conversation, :content, :at, :user)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("conversation", request.conversationId())
                .param("content", request.content().strip()).param("at", Timestamp.from(request.scheduledAt()))
                .param("user", TenantContext.userId().orElseThrow()).update();
        return get(id);
    }

    @Transactional
    public ScheduledView cancel(UUID id) {
        get(id);
        int changed = jdbc.sql("""
                        UPDATE scheduled_messages SET status = 'cancelled', updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant AND id = :id AND status = 'pending'""")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        if (changed == 0) {
            throw Problems.of(MessagingProblem.CONVERSATION_STATE, "Only a pending message can be cancelled");
        }
        return get(id);
    }

    /** Sends what is due in every company (the worker). Returns how many were handled. */
    public int sendDue() {
        List<UUID> tenants = jdbc.sql("SELECT messaging_scheduled_tenants_due()").query(UUID.class).list();
        int handled = 0;
        for (UUID tenant : tenants) {
            handled += TenantContext.callAs(TenantContext.Scope.system(tenant), () -> sendDue(tenant));
        }
        return handled;
    }

    private int sendDue(UUID tenant) {
        int handled = 0;
        while (Boolean.TRUE.equals(transactions.execute(s -> sendOne(tenant)))) {
            handled++;
        }
        return handled;
    }

    /** One due message, locked so that two workers never send it twice; false when none is left. */
    private boolean sendOne(UUID tenant) {
        Due due = jdbc.sql("""
                        SELECT id, conversation_id, content, created_by FROM scheduled_messages
                        WHERE tenant_id = :tenant AND status = 'pending' AND scheduled_at <= now()
                        ORDER BY scheduled_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("tenant", tenant).query(Due.class).optional().orElse(null);
        if (due == null) {
            return false;
        }
        try {
            MessageStore.Ref ref = outgoing.sendIfAcceptedOrFail(tenant, new Outgoing.Reply(due.conversationId(), "user",
                    due.createdBy(), due.content(), "text", null, false, false, null, List.of(), null));
            jdbc.sql("""
                            UPDATE scheduled_messages SET status = 'sent', sent_at = now(), message_id = :message,
                                   updated_at = now(), version = version + 1
                            WHERE tenant_id = :tenant AND id = :id""")
                    .param("message", ref.id()).param("tenant", tenant).param("id", due.id()).update();
        } catch (ErrorResponseException refused) {
            jdbc.sql("""
                            UPDATE scheduled_messages SET status = 'failed', error_message = :error, updated_at = now(),
                                   version = version + 1
                            WHERE tenant_id = :tenant AND id = :id""")
                    .param("error", refused.getBody().getDetail()).param("tenant", tenant).param("id", due.id()).update();
        }
        return true;
    }
}
