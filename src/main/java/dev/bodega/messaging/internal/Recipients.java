package dev.bodega.messaging.internal;

import dev.bodega.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who a conversation's messages go to, and what its channel is handed for one message. */
@Component
class Recipients {

    /** The conversation as a sender needs it. */
    record Target(UUID id, String platform, UUID integrationId, String externalId, String phone, boolean blocked,
                  Instant lastInboundAt, Instant firstResponseAt, Instant openedAt) {
    }

    record ChannelTemplate(String channelTemplateName, String channelTemplateLanguage) {
    }

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Target target(UUID conversationId) {
        return jdbc.sql("""
                        SELECT v.id, v.platform, v.integration_id, c.external_id, c.phone, c.is_blocked AS blocked,
                               v.last_inbound_at, v.first_response_at, v.opened_at
                        FROM conversations v JOIN contacts c ON c.tenant_id = v.tenant_id AND c.id = v.contact_id
                        WHERE v.id = :id""")
                .param("id", conversationId).query(Target.class).optional()
                .orElseThrow(() -> new NotFoundException("Conversation"));
    }

    boolean usesChannelTemplate(Outgoing.Reply reply) {
        ChannelTemplate template = template(reply.templateId());
        return template != null && template.channelTemplateName() != null;
    }

    /** What a channel is handed; {@code messageId} is null while checking. */
    OutboundMessage outbound(UUID tenantId, UUID messageId, Target target, Outgoing.Reply reply, int attempt) {
        ChannelTemplate template = template(reply.templateId());
        OutboundMessage.Template channelTemplate = template == null || template.channelTemplateName() == null ? null
                : new OutboundMessage.Template(reply.templateId(), template.channelTemplateName(),
                template.channelTemplateLanguage(),
                reply.templateParameters() == null ? List.of() : reply.templateParameters());
        return new OutboundMessage(tenantId, messageId, target.id(), target.integrationId(), target.platform(),
                target.externalId(), target.phone(), channelTemplate != null ? "template" : reply.messageType(),
                reply.content(), reply.mediaUrl(), channelTemplate, null, target.lastInboundAt(), attempt);
    }

    private ChannelTemplate template(UUID templateId) {
        if (templateId == null) {
            return null;
        }
        return jdbc.sql("SELECT channel_template_name, channel_template_language FROM response_templates WHERE id = :id")
                .param("id", templateId).query(ChannelTemplate.class).optional()
                .orElseThrow(() -> new NotFoundException("Response template"));
    }
}
