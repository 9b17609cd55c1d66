package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.ChannelRoutes;
import dev.bodega.messaging.internal.InboundMessage;

import java.util.LinkedHashMap;
import java.util.Map;

/** A WhatsApp message as the inbox stores it: its type, its text, and what else it carried in the metadata. */
final class InboundMapping {

    private InboundMapping() {
    }

    static InboundMessage toInbox(ChannelRoutes.Route route, Webhook.Inbound m, String mediaUrl) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (m.media() != null) {
            put(metadata, "mediaId", m.media().id());
            put(metadata, "mimeType", m.media().mimeType());
            put(metadata, "filename", m.media().filename());
            put(metadata, "sha256", m.media().sha256());
            if (m.media().voice()) {
                metadata.put("voice", true);
            }
        }
        if (m.location() != null) {
            put(metadata, "latitude", m.location().latitude());
            put(metadata, "longitude", m.location().longitude());
            put(metadata, "name", m.location().name());
            put(metadata, "address", m.location().address());
        }
        if (m.reply() != null) {
            put(metadata, "replyId", m.reply().id());
        }
        if (m.kind() == Webhook.Kind.UNSUPPORTED) {
            metadata.put("unsupported", true);
        }
        return new InboundMessage(route.tenantId(), route.integrationId(), WhatsAppChannels.TYPE, m.from(),
                m.profileName(), m.from() == null ? null : "+" + m.from(), null, m.messageId(), type(m.kind()),
                content(m), mediaUrl, metadata, m.quotedMessageId(), m.timestamp());
    }

    private static String type(Webhook.Kind kind) {
        return switch (kind) {
            case IMAGE, STICKER -> "image";
            case AUDIO -> "audio";
            case VIDEO -> "video";
            case DOCUMENT -> "document";
            case LOCATION -> "location";
            case INTERACTIVE -> "interactive";
            case TEXT, UNSUPPORTED -> "text";
        };
    }

    /** The text; a place without a name is shown by its address or coordinates. */
    private static String content(Webhook.Inbound m) {
        if (m.text() != null) {
            return m.text();
        }
        if (m.location() != null) {
            return m.location().address() != null ? m.location().address()
                    : m.location().latitude() + ", " + m.location().longitude();
        }
        return "";
    }

    private static void put(Map<String, Object> metadata, String key, Object value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
