package dev.bodega.messaging.internal.whatsapp;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the Cloud API's {@code messages} webhook: {@code entry[].changes[].value} holds the business number
 * ({@code metadata.phone_number_id}), the senders' profiles ({@code contacts}), and either {@code messages} from
 * customers or {@code statuses} of ours. Fields Bodega does not use (pricing, conversation, referral) are skipped;
 * a message type it does not know is kept as {@link Webhook.Kind#UNSUPPORTED} rather than lost.
 */
final class WebhookParser {

    /** The body is not a WhatsApp webhook. */
    static final class Malformed extends RuntimeException {
        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookParser() {
    }

    static Webhook parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("The webhook body is not JSON", e);
        }
        if (root == null || !"whatsapp_business_account".equals(text(root, "object"))) {
            throw new Malformed("The webhook is not from a WhatsApp business account", null);
        }
        List<Webhook.Inbound> messages = new ArrayList<>();
        List<Webhook.StatusUpdate> statuses = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if ("messages".equals(text(change, "field"))) {
                    read(change.path("value"), messages, statuses);
                }
            }
        }
        return new Webhook(List.copyOf(messages), List.copyOf(statuses));
    }

    /** The business phone number ids a webhook names, before its signature is checked (to know whose secret). */
    static List<String> phoneNumberIds(Webhook webhook) {
        List<String> ids = new ArrayList<>();
        webhook.messages().forEach(m -> ids.add(m.phoneNumberId()));
        webhook.statuses().forEach(s -> ids.add(s.phoneNumberId()));
        return ids.stream().distinct().toList();
    }

    private static void read(JsonNode value, List<Webhook.Inbound> messages, List<Webhook.StatusUpdate> statuses) {
        String phoneNumberId = text(value.path("metadata"), "phone_number_id");
        if (phoneNumberId == null) {
            return;
        }
        for (JsonNode message : value.path("messages")) {
            messages.add(inbound(phoneNumberId, message, profileName(value, text(message, "from"))));
        }
        for (JsonNode status : value.path("statuses")) {
            Webhook.Status known = status(text(status, "status"));
            if (known != null) {
                statuses.add(new Webhook.StatusUpdate(phoneNumberId, text(status, "id"), known,
                        instant(status), text(status, "recipient_id"), error(status.path("errors"))));
            }
        }
    }

    private static Webhook.Inbound inbound(String phoneNumberId, JsonNode m, String profileName) {
        Webhook.Kind kind = kind(text(m, "type"));
        String text = null;
        Webhook.Media media = null;
        Webhook.Location location = null;
        Webhook.Reply reply = null;
        switch (kind) {
            case TEXT -> text = text(m.path("text"), "body");
            case IMAGE, AUDIO, VIDEO, DOCUMENT, STICKER -> {
                JsonNode node = m.path(text(m, "type"));
                media = new Webhook.Media(text(node, "id"), text(node, "mime_type"), text(node, "sha256"),
                        text(node, "filename"), node.path("voice").asBoolean(false));
                text = text(node, "caption");
            }
            case LOCATION -> {
                JsonNode node = m.path("location");
                location = new Webhook.Location(decimal(node, "latitude"), decimal(node, "longitude"),
                        text(node, "name"), text(node, "address"));
                text = location.name();
            }
            case INTERACTIVE -> {
                reply = interactiveReply(m);
                text = reply == null ? null : reply.title();
            }
            case UNSUPPORTED -> text = null;
        }
        return new Webhook.Inbound(phoneNumberId, text(m, "from"), profileName, text(m, "id"), instant(m), kind,
                text, media, location, reply, text(m.path("context"), "id"));
    }

    /** {@code interactive.button_reply}, {@code interactive.list_reply}, or a template's quick-reply {@code button}. */
    private static Webhook.Reply interactiveReply(JsonNode m) {
        if (m.has("button")) {
            return new Webhook.Reply(text(m.path("button"), "payload"), text(m.path("button"), "text"));
        }
        JsonNode interactive = m.path("interactive");
        String type = text(interactive, "type");
        if (type == null) {
            return null;
        }
        JsonNode chosen = interactive.path(type);
        return new Webhook.Reply(text(chosen, "id"), text(chosen, "title"));
    }

    private static Webhook.Kind kind(String type) {
        if (type == null) {
            return Webhook.Kind.UNSUPPORTED;
        }
        if ("button".equals(type)) {
            return Webhook.Kind.INTERACTIVE;
        }
        try {
            return Webhook.Kind.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Webhook.Kind.UNSUPPORTED;
        }
    }

    private static Webhook.Status status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return Webhook.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // "deleted", "warning" and future statuses do not change a message here
        }
    }

    private static Webhook.Error error(JsonNode errors) {
        if (!errors.isArray() || errors.isEmpty()) {
            return null;
        }
        JsonNode first = errors.get(0);
        String details = text(first.path("error_data"), "details");
        return new Webhook.Error(first.path("code").asInt(0), text(first, "title"),
                details != null ? details : text(first, "message"));
    }

    private static String profileName(JsonNode value, String waId) {
        for (JsonNode contact : value.path("contacts")) {
            if (waId != null && waId.equals(text(contact, "wa_id"))) {
                return text(contact.path("profile"), "name");
            }
        }
        return null;
    }

    private static Instant instant(JsonNode node) {
        String seconds = text(node, "timestamp");
        try {
            return seconds == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
    }
}
