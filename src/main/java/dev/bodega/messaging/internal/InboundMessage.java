package dev.bodega.messaging.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message a contact sent on a channel, as the channel's webhook (or the web chat endpoint) received it; handed to
 * {@link Inbox#receive(InboundMessage)}.
 *
 * @param tenantId          the company the channel belongs to (found with {@link ChannelRoutes#find})
 * @param integrationId     the channel ({@code integrations.id}) it arrived on
 * @param platform          the channel type: {@code whatsapp}, {@code web_chat}, {@code facebook}, {@code instagram}
 *                          or {@code telegram}
 * @param contactExternalId who wrote, as the platform names them (WhatsApp {@code wa_id}, a web chat visitor id)
 * @param contactName       the name the platform gives (WhatsApp profile name), or null
 * @param contactPhone      the phone number in E.164 without spaces (WhatsApp: {@code "+" + wa_id}), or null; a sales
 *                          customer with this phone (or email) is linked to a new contact
 * @param contactEmail      or null
 * @param externalMessageId the platform's id of this message (WhatsApp {@code wamid...}); the same id delivered
 *                          twice stores one message
 * @param messageType       {@code text, image, video, audio, document, location, interactive}
 * @param content           the text, a media caption, a location's description, an interactive reply's title
 *                          ({@code ""} when there is none)
 * @param mediaUrl          where the media is kept (a URL Bodega serves), or null
 * @param mediaMetadata     mime type, file name, sha256, coordinates, the interactive reply's id... (may be empty)
 * @param quotedExternalId  the platform id of the message this one replies to (WhatsApp {@code context.id}), or null
 * @param sentAt            when the contact sent it (the platform's timestamp), or null for now
 */
public record InboundMessage(UUID tenantId, UUID integrationId, String platform, String contactExternalId,
                             String contactName, String contactPhone, String contactEmail, String externalMessageId,
                             String messageType, String content, String mediaUrl, Map<String, Object> mediaMetadata,
                             String quotedExternalId, Instant sentAt) {

    /** A plain text message. */
    public static InboundMessage text(UUID tenantId, UUID integrationId, String platform, String contactExternalId,
                                      String contactName, String contactPhone, String externalMessageId, String text) {
        return new InboundMessage(tenantId, integrationId, platform, contactExternalId, contactName, contactPhone, null,
                externalMessageId, "text", text, null, Map.of(), null, null);
    }
}
