package dev.bodega.messaging.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message from the shop to a contact, handed to the contact's {@link OutboundChannel}: once to
 * {@link OutboundChannel#check} before it is stored, then to {@link OutboundChannel#send} from the outbox (again
 * after a failure, with backoff).
 *
 * @param tenantId          the company
 * @param messageId         the stored message ({@code messages.id}); null in {@link OutboundChannel#check}
 * @param conversationId    its conversation
 * @param integrationId     the channel to send through ({@code integrations.id}), or null when the conversation
 *                          has none (then the company's first active channel of that type)
 * @param platform          the channel type ({@link OutboundChannel#type()})
 * @param contactExternalId the recipient as the platform names them (WhatsApp {@code wa_id}, web chat visitor id)
 * @param contactPhone      the recipient's phone, or null
 * @param messageType       {@code text}, {@code image}, {@code video}, {@code audio}, {@code document} or
 *                          {@code template}
 * @param content           the text (for a template, its text as the agent sees it)
 * @param mediaUrl          media to send, or null
 * @param template          the channel-approved template to send instead of free text, or null
 * @param quotedExternalId  the platform id of the message this one answers, or null
 * @param lastInboundAt     when the contact last wrote (WhatsApp's 24-hour window counts from it), or null if never
 * @param attempt           1 on the first try, then 2, 3...
 */
public record OutboundMessage(UUID tenantId, UUID messageId, UUID conversationId, UUID integrationId, String platform,
                              String contactExternalId, String contactPhone, String messageType, String content,
                              String mediaUrl, Template template, String quotedExternalId, Instant lastInboundAt,
                              int attempt) {

    /**
     * A template the channel approved (WhatsApp message templates), from {@code response_templates}
     * ({@code channel_template_name}, {@code channel_template_language}).
     *
     * @param templateId the response template ({@code response_templates.id})
     * @param name       the channel's template name
     * @param language   its language code ({@code es}, {@code en_US})
     * @param parameters the body's parameters {{1}}, {{2}}... in order
     */
    public record Template(UUID templateId, String name, String language, List<String> parameters) {
    }
}
