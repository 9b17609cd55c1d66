package dev.bodega.messaging.internal.conversations;

import dev.bodega.messaging.ConversationResolved;
import dev.bodega.messaging.internal.Assignment;
import dev.bodega.messaging.internal.ConversationStatus;
import dev.bodega.messaging.internal.InboxSettings;
import dev.bodega.messaging.internal.LiveEvent;
import dev.bodega.messaging.internal.LiveEvents;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Permissions;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Conversations as agents work them: the filtered list with unread counts per agent, one conversation with its
 * thread, and the agent's moves (status, priority, assignment, snooze, tags, read). Each move is one conditional
 * UPDATE; a move the state does not allow is a 409.
 */
@Service
public class Conversations {

    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
    public static final List<String> PLATFORMS = List.of("whatsapp", "web_chat", "facebook", "instagram", "telegram");

    /** The list's filters; null means any. {@code assignee}: a user id, {@code me} or {@code none}. */
    public record Filter(String status, String assignee, UUID tagId, String platform, boolean unreadOnly,
                         boolean snoozed, String q) {
        public static Filter open() {
            return new Filter("active", null, null, null, false, false, null);
        }
    }

    public record Summary(UUID id, UUID contactId, String contactName, String contactPhone, String platform,
                          String status, String priority, UUID assignedTo, String assigneeName, Instant lastMessageAt,
                          String lastMessagePreview, long unread, Instant snoozedUntil, long version) {
    }

    public record Detail(UUID id, UUID contactId, String contactName, String contactPhone, String contactEmail,
                         String platform, String status, String priority, UUID assignedTo, String assigneeName,
                         Instant lastMessageAt, Instant lastInboundAt, Instant openedAt, Instant firstResponseAt,
                         Integer firstResponseTime, Instant resolvedAt, Integer resolutionTime,
                         Integer satisfactionScore, Instant snoozedUntil, UUID customerId, long version) {
    }

    public record Message(UUID id, String senderType, UUID senderId, String senderName, String content,
                          String messageType, String mediaUrl, boolean fromMe, boolean isPrivate, boolean autoResponse,
                          String status, String errorMessage, UUID quotedMessageId, String quotedContent,
                          Instant createdAt) {
    }

    public record Tag(UUID id, String name, String color) {
    }

    public record Agent(UUID id, String name) {
    }

    /**
     * Unread is counted up to 100 (the badge needs no more) so an agent new to a long history stays cheap; without
     * the unread filter it is computed only for the page's rows, after the sort and limit.
     */
    private static final String SUMMARY = """
            SELECT v.id, v.contact_id, coalesce(c.name, c.phone, c.email, c.external_id) AS contact_name,
                   c.phone AS contact_phone, v.platform, v.status, v.priority, v.assigned_to, u.name AS assignee_name,
                   v.last_message_at, v.last_message_preview,
                   (SELECT count(*) FROM (SELECT FROM messages m
                        WHERE m.tenant_id = v.tenant_id AND m.conversation_id = v.id AND m.sender_type = 'contact'
                          AND m.created_at > coalesce(r.read_at, '-infinity') LIMIT 100) x) AS unread,
                   v.snoozed_until, v.version
            FROM conversations v
            JOIN contacts c ON c.tenant_id = v.tenant_id AND c.id = v.contact_id
            LEFT JOIN platform_users u ON u.tenant_id = v.tenant_id AND u.id = v.assigned_to
            LEFT JOIN conversation_reads r ON r.tenant_id = v.tenant_id AND r.conversation_id = v.id AND r.user_id = :me""";

    private final JdbcClient jdbc;
    private final Outgoing outgoing;
    private final Assignment assignment;
    private final InboxSettings settings;
    private final LiveEvents live;
    private final ApplicationEventPublisher events;

    Conversations(JdbcClient jdbc, Outgoing outgoing, Assignment assignment, InboxSettings settings, LiveEvents live,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.outgoing = outgoing;
        this.assignment = assignment;
        this.settings = settings;
        this.live = live;
    }

    @Transactional(readOnly = true)
    public CursorPage<Summary> list(Filter filter, String cursor, int limit) {
        Cursor after = Cursor.parse(cursor);
        UUID me = TenantContext.userId().orElse(null);
        String assignee = Text.blankToNull(filter.assignee());
        String pattern = filter.q() == null || filter.q().isBlank() ? null
                : "%" + filter.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Summary> rows = jdbc.sql("SELECT * FROM (" + SUMMARY + """
                         WHERE (CAST(:status AS text) IS NULL OR v.status = :status)
                           AND (CAST(:assignee AS text) IS NULL
                                OR :assignee = 'none' AND v.assigned_to IS NULL
                                OR :assignee = 'me' AND v.assigned_to = :me
                                OR v.assigned_to::text = :assignee)
                           AND (CAST(:tag AS uuid) IS NULL OR EXISTS (
                                SELECT FROM conversation_tags t
                                WHERE t.tenant_id = v.tenant_id AND t.conversation_id = v.id AND t.tag_id = :tag))
                           AND (CAST(:platform AS text) IS NULL OR v.platform = :platform)
                           AND (CASE WHEN :snoozed THEN v.snoozed_until > now()
                                     ELSE v.snoozed_until IS NULL OR v.snoozed_until <= now() END)
                           AND (CAST(:q AS text) IS NULL OR c.name ILIKE :q OR c.phone ILIKE :q OR c.email ILIKE :q
                                OR v.last_message_preview ILIKE :q)
                           AND (CAST(:afterAt AS timestamptz) IS NULL
                                OR (coalesce(v.last_message_at, 'epoch'), v.id) < (:afterAt, :afterId))
                        ) s""" + (filter.unreadOnly() ? " WHERE s.unread > 0" : "")
                        + " ORDER BY coalesce(s.last_message_at, 'epoch') DESC, s.id DESC LIMIT :limit")
                .param("me", me).param("status", Text.blankToNull(filter.status())).param("assignee", assignee)
                .param("tag", filter.tagId()).param("platform", Text.blankToNull(filter.platform()))
                .param("snoozed", filter.snoozed()).param("q", pattern)
                .param("afterAt", after == null ? null : java.sql.Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit + 1)
                .query(Summary.class).list();
        return CursorPage.of(rows, limit, s -> Cursor.of(s.lastMessageAt(), s.id()));
    }

    @Transactional(readOnly = true)
    public Detail get(UUID id) {
        return jdbc.sql("""
                        SELECT v.id, v.contact_id, coalesce(c.name, c.phone, c.email, c.external_id) AS contact_name,
                               c.phone AS contact_phone, c.email AS contact_email, v.platform, v.status, v.priority,
                               v.assigned_to, u.name AS assignee_name, v.last_message_at, v.last_inbound_at, v.opened_at,
                               v.first_response_at, v.first_response_time, v.resolved_at, v.resolution_time,
                               v.satisfaction_score, v.snoozed_until, c.customer_id, v.version
                        FROM conversations v
                        JOIN contacts c ON c.tenant_id = v.tenant_id AND c.id = v.contact_id
                        LEFT JOIN platform_users u ON u.tenant_id = v.tenant_id AND u.id = v.assigned_to
                        WHERE v.id = :id""")
                .param("id", id).query(Detail.class).optional()
                .orElseThrow(() -> new NotFoundException("Conversation"));
    }

    /** The newest {@code limit} messages, oldest first. */
    @Transactional(readOnly = true)
    public List<Message> thread(UUID id, int limit) {
        get(id);
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT m.id, m.sender_type, m.sender_id,
                                   CASE WHEN m.sender_type = 'user' THEN u.name
                                        WHEN m.sender_type = 'contact' THEN coalesce(c.name, c.phone, c.external_id) END
                                       AS sender_name,
                                   m.content, m.message_type, m.media_url, m.is_from_me AS from_me,
                                   m.is_private, m.is_auto_response AS auto_response, m.status, m.error_message,
                                   m.quoted_message_id, q.content AS quoted_content, m.created_at
                            FROM messages m
                            LEFT JOIN platform_users u ON u.tenant_id = m.tenant_id AND u.id = m.sender_id
                            LEFT JOIN contacts c ON c.tenant_id = m.tenant_id AND c.id = m.sender_id
                            LEFT JOIN messages q ON q.tenant_id = m.tenant_id AND q.id = m.quoted_message_id
                                                AND q.conversation_id = m.conversation_id
                            WHERE m.tenant_id = app_current_tenant() AND m.conversation_id = :id
                            ORDER BY m.created_at DESC, m.id DESC LIMIT :limit) t
                        ORDER BY created_at, id""")
                .param("id", id).param("limit", limit).query(Message.class).list();
    }

    @Transactional(readOnly = true)
    public List<Tag> tags(UUID id) {
        return jdbc.sql("""
                        SELECT g.id, g.name, g.color FROM conversation_tags t
                        JOIN tags g ON g.tenant_id = t.tenant_id AND g.id = t.tag_id
                        WHERE t.conversation_id = :id ORDER BY lower(g.name)""")
                .param("id", id).query(Tag.class).list();
    }

    /** Users who may answer (hold messaging.reply), for the assignee list. */
    @Transactional(readOnly = true)
    public List<Agent> agents() {
        record Holder(UUID id, String name, List<String> permissions) {
        }
        return jdbc.sql("""
                        SELECT u.id, u.name, p.permissions FROM platform_users u
                        JOIN platform_user_permissions p ON p.tenant_id = u.tenant_id AND p.user_id = u.id
                        WHERE u.active AND u.deleted_at IS NULL ORDER BY lower(u.name), u.id""")
                .query((rs, n) -> new Holder(rs.getObject("id", UUID.class), rs.getString("name"),
                        List.of((String[]) rs.getArray("permissions").getArray())))
                .list().stream()
                .filter(h -> Permissions.allows(h.permissions(), "messaging.reply"))
                .map(h -> new Agent(h.id(), h.name())).distinct().toList();
    }

    @Transactional
    public Detail changeStatus(UUID id, String status) {
        Detail current = get(id);
        ConversationStatus from = ConversationStatus.of(current.status());
        ConversationStatus to = parseStatus(status);
        if (!from.next().contains(to)) {
            throw Problems.of(MessagingProblem.CONVERSATION_STATE, "A " + from.code() + " conversation cannot become "
                    + to.code());
        }
        boolean done = to.isDone() && !from.isDone();
        int changed = jdbc.sql("""
                        UPDATE conversations SET status = :to, updated_at = now(), version = version + 1,
                               resolved_at = CASE WHEN :done THEN now() WHEN :reopen THEN NULL ELSE resolved_at END,
                               resolution_time = CASE WHEN :done
                                   THEN greatest(0, extract(epoch FROM now() - opened_at))::integer
                                   WHEN :reopen THEN NULL ELSE resolution_time END,
                               opened_at = CASE WHEN :reopen THEN now() ELSE opened_at END,
                               snoozed_until = CASE WHEN :done THEN NULL ELSE snoozed_until END
                        WHERE tenant_id = :tenant AND id = :id AND status = :from""")
                .param("to", to.code()).param("done", done).param("reopen", from.isDone() && !to.isDone())
                .param("tenant", TenantContext.tenantId()).param("id", id).param("from", from.code()).update();
        if (changed == 0) {
            throw Problems.of(MessagingProblem.CONVERSATION_STATE, "The conversation changed meanwhile; reload it");
        }
        live.publish(new LiveEvent(TenantContext.tenantId(), "conversation", id, null, to.code()));
        Detail changedTo = get(id);
        if (to == ConversationStatus.RESOLVED) {
            askSatisfaction(id);
            events.publishEvent(new ConversationResolved(TenantContext.tenantId(), id, changedTo.resolutionTime(),
                    changedTo.resolvedAt()));
        }
        return changedTo;
    }

    private void askSatisfaction(UUID id) {
        String question = settings.current().satisfactionQuestion();
        if (question == null || question.isBlank()) {
            return;
        }
        UUID tenant = TenantContext.tenantId();
        if (outgoing.sendIfAccepted(tenant, new Outgoing.Reply(id, "system", null, question, "text", null, false, true,
                null, List.of(), null)).isPresent()) {
            jdbc.sql("UPDATE conversations SET satisfaction_asked_at = now() WHERE tenant_id = :tenant AND id = :id")
                    .param("tenant", tenant).param("id", id).update();
        }
    }

    @Transactional
    public Detail changePriority(UUID id, String priority) {
        if (!PRIORITIES.contains(priority)) {
            throw Problems.of(MessagingProblem.CONVERSATION_STATE, "Unknown priority " + priority);
        }
        return update(id, "priority = :value", priority, "priority");
    }

    /** Assigns to an agent, to nobody (null), or to the next free agent by round robin ({@code auto}). */
    @Transactional
    public Detail assign(UUID id, String assignee) {
        get(id);
        UUID tenant = TenantContext.tenantId();
        if ("auto".equals(assignee)) {
            jdbc.sql("UPDATE conversations SET assigned_to = NULL WHERE tenant_id = :tenant AND id = :id")
                    .param("tenant", tenant).param("id", id).update();
            assignment.assignNext(tenant, id);
            live.publish(new LiveEvent(tenant, "conversation", id, null, "assigned"));
            return get(id);
        }
        UUID user = assignee == null || assignee.isBlank() ? null : parseUser(assignee);
        if (user != null && agents().stream().noneMatch(a -> a.id().equals(user))) {
            throw Problems.of(MessagingProblem.NOT_AN_AGENT, "The user may not answer conversations");
        }
        return update(id, "assigned_to = CAST(:value AS uuid)", user == null ? null : user.toString(), "assigned");
    }

    @Transactional
    public Detail snooze(UUID id, Instant until) {
        return update(id, "snoozed_until = CAST(:value AS timestamptz)", until == null ? null : until.toString(),
                until == null ? "unsnoozed" : "snoozed");
    }

    @Transactional
    public List<Tag> tag(UUID id, UUID tagId, boolean on) {
        get(id);
        UUID tenant = TenantContext.tenantId();
        if (on) {
            jdbc.sql("""
                            INSERT INTO conversation_tags (tenant_id, conversation_id, tag_id)
                            SELECT :tenant, :id, g.id FROM tags g WHERE g.tenant_id = :tenant AND g.id = :tag
                            ON CONFLICT DO NOTHING""")
                    .param("tenant", tenant).param("id", id).param("tag", tagId).update();
        } else {
            jdbc.sql("DELETE FROM conversation_tags WHERE tenant_id = :tenant AND conversation_id = :id AND tag_id = :tag")
                    .param("tenant", tenant).param("id", id).param("tag", tagId).update();
        }
        jdbc.sql("""
                        UPDATE tags SET usage_count = (SELECT count(*) FROM conversation_tags t
                                                       WHERE t.tenant_id = :tenant AND t.tag_id = :tag)
                        WHERE tenant_id = :tenant AND id = :tag""")
                .param("tenant", tenant).param("tag", tagId).update();
        live.publish(new LiveEvent(tenant, "conversation", id, null, "tags"));
        return tags(id);
    }

    /** The current agent has read the conversation up to now. */
    @Transactional
    public void markRead(UUID id) {
        get(id);
        TenantContext.userId().ifPresent(user -> jdbc.sql("""
                        INSERT INTO conversation_reads (tenant_id, conversation_id, user_id, read_at)
                        VALUES (:tenant, :id, :user, now())
                        ON CONFLICT (tenant_id, conversation_id, user_id) DO UPDATE SET read_at = EXCLUDED.read_at""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("user", user).update());
    }

    private Detail update(UUID id, String set, String value, String what) {
        get(id);
        UUID tenant = TenantContext.tenantId();
        jdbc.sql("UPDATE conversations SET " + set + ", updated_at = now(), version = version + 1 "
                        + "WHERE tenant_id = :tenant AND id = :id")
                .param("value", value).param("tenant", tenant).param("id", id).update();
        live.publish(new LiveEvent(tenant, "conversation", id, null, what));
        return get(id);
    }

    private static ConversationStatus parseStatus(String status) {
        try {
            return ConversationStatus.of(status == null ? "" : status);
        } catch (IllegalArgumentException e) {
            throw Problems.of(MessagingProblem.CONVERSATION_STATE, "Unknown status " + status);
        }
    }

    private static UUID parseUser(String assignee) {
        try {
            return UUID.fromString(assignee);
        } catch (IllegalArgumentException e) {
            throw Problems.of(MessagingProblem.NOT_AN_AGENT, "Not a user id: " + assignee);
        }
    }
}
