package dev.bodega.messaging.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What follows an inbound message in its transaction: a satisfaction answer (1–5) is recorded; otherwise the
 * conversation is assigned automatically when the company wants it, and an auto-reply may answer: the first active
 * template whose keyword the message contains, else the away message outside business hours. One auto-reply per
 * inbound message at most (auto_replies' key), and the same one not again in the conversation within
 * {@link #PAUSE}, so a robot answering robots stops.
 */
@Component
class InboundRules {

    static final Duration PAUSE = Duration.ofHours(1);
    static final Duration SATISFACTION_WAIT = Duration.ofDays(7);
    private static final Pattern SCORE = Pattern.compile("^\\s*([1-5])\\s*(⭐️?)*\\s*$");

    record Template(UUID id, String content, List<String> triggerKeywords) {
    }

    private final JdbcClient jdbc;
    private final InboxSettings settings;
    private final Assignment assignment;
    private final Outgoing outgoing;
    private final LiveEvents live;

    InboundRules(JdbcClient jdbc, InboxSettings settings, Assignment assignment, Outgoing outgoing, LiveEvents live) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.assignment = assignment;
        this.outgoing = outgoing;
        this.live = live;
    }

    /** A resolved conversation's contact answering the satisfaction question (then it is not reopened). */
    boolean isSatisfactionAnswer(Inbox.ConversationRow conversation, String content) {
        return conversation.satisfactionAskedAt() != null
                && conversation.satisfactionAskedAt().isAfter(Instant.now().minus(SATISFACTION_WAIT))
                && content != null && SCORE.matcher(content).matches();
    }

    void afterInbound(UUID tenantId, UUID conversationId, MessageStore.Ref message, String content,
                      Instant satisfactionAskedAt) {
        if (satisfactionAskedAt != null && content != null && SCORE.matcher(content).matches()) {
            recordScore(tenantId, conversationId, content);
            return;
        }
        InboxSettings.Settings rules = settings.current();
        if (rules.autoAssign() && unassigned(tenantId, conversationId)) {
            assignment.assignNext(tenantId, conversationId);
        }
        Optional<Template> template = matching(content);
        if (template.isPresent()) {
            autoReply(tenantId, conversationId, message, template.get().id(), template.get().content());
        } else if (rules.awayMessage() != null && !rules.awayMessage().isBlank() && settings.isAway(rules, Instant.now())) {
            autoReply(tenantId, conversationId, message, null, rules.awayMessage());
        }
    }

    private void recordScore(UUID tenantId, UUID conversationId, String content) {
        int score = Integer.parseInt(SCORE.matcher(content).replaceAll("$1"));
        jdbc.sql("""
                        UPDATE conversations SET satisfaction_score = :score, satisfaction_asked_at = NULL,
                               updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("score", score).param("tenant", tenantId).param("id", conversationId).update();
        live.publish(new LiveEvent(tenantId, "conversation", conversationId, null, "rated"));
    }

    private boolean unassigned(UUID tenantId, UUID conversationId) {
        return jdbc.sql("SELECT assigned_to IS NULL FROM conversations WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenantId).param("id", conversationId).query(Boolean.class).single();
    }

    /** The first active template (highest priority) one of whose keywords the message contains as a word. */
    Optional<Template> matching(String content) {
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        String text = " " + content.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        return jdbc.sql("""
                        SELECT id, content, trigger_keywords FROM response_templates
                        WHERE is_active AND deleted_at IS NULL AND cardinality(trigger_keywords) > 0
                        ORDER BY priority DESC, name""")
                .query((rs, n) -> new Template(rs.getObject("id", UUID.class), rs.getString("content"),
                        List.of((String[]) rs.getArray("trigger_keywords").getArray())))
                .list().stream()
                .filter(t -> t.triggerKeywords().stream().anyMatch(k -> !k.isBlank()
                        && text.contains(" " + k.toLowerCase(Locale.ROOT).strip() + " ")))
                .findFirst();
    }

    private void autoReply(UUID tenantId, UUID conversationId, MessageStore.Ref inbound, UUID templateId, String text) {
        boolean answeredLately = jdbc.sql("""
                        SELECT EXISTS (SELECT FROM auto_replies
                                       WHERE tenant_id = :tenant AND conversation_id = :conversation
                                         AND template_id IS NOT DISTINCT FROM :template
                                         AND created_at > now() - make_interval(secs => :pause))""")
                .param("tenant", tenantId).param("conversation", conversationId).param("template", templateId)
                .param("pause", PAUSE.toSeconds()).query(Boolean.class).single();
        if (answeredLately) {
            return;
        }
        int claimed = jdbc.sql("""
                        INSERT INTO auto_replies (tenant_id, message_id, conversation_id, template_id)
                        VALUES (:tenant, :message, :conversation, :template) ON CONFLICT DO NOTHING""")
                .param("tenant", tenantId).param("message", inbound.id()).param("conversation", conversationId)
                .param("template", templateId).update();
        if (claimed == 1 && outgoing.sendIfAccepted(tenantId, new Outgoing.Reply(conversationId, "system", null, text,
                "text", null, false, true, templateId, List.of(), inbound.id())).isPresent() && templateId != null) {
            jdbc.sql("UPDATE response_templates SET usage_count = usage_count + 1 WHERE tenant_id = :tenant AND id = :id")
                    .param("tenant", tenantId).param("id", templateId).update();
        }
    }
}
