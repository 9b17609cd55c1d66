package dev.bodega.messaging.internal.whatsapp;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * A phone for the demo: writes a webhook exactly as Meta would (a text message from a customer's number to a
 * channel's business number), signs it with the channel's app secret and hands it to the same code a real POST
 * reaches: parsing, routing, the signature check, the inbox. Needs no network.
 */
@Component
class WhatsAppSimulator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WhatsAppChannels channels;
    private final WhatsAppWebhooks webhooks;
    private final Clock clock;

    WhatsAppSimulator(WhatsAppChannels channels, WhatsAppWebhooks webhooks, Clock clock) {
        this.channels = channels;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** Sends {@code text} from {@code waId} (digits, country code first) to a channel of the current company. */
    WhatsAppWebhooks.Outcome send(UUID integrationId, String waId, String profileName, String text) {
        WhatsAppChannels.Connected channel = channels.find(integrationId).orElseThrow();
        byte[] body = textWebhook(channel.channel(), waId, profileName, text);
        return webhooks.receive(body, WebhookSignature.sign(channel.credentials().appSecret(), body));
    }

    private byte[] textWebhook(WhatsAppChannels.Channel channel, String waId, String profileName, String text) {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "simulated")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", channel.displayPhoneNumber())
                .put("phone_number_id", channel.phoneNumberId());
        value.putArray("contacts").addObject().put("wa_id", waId).putObject("profile").put("name", profileName);
        value.putArray("messages").addObject().put("from", waId)
                .put("id", "wamid.SIM" + UUID.randomUUID().toString().replace("-", ""))
                .put("timestamp", String.valueOf(clock.instant().getEpochSecond()))
                .put("type", "text").putObject("text").put("body", text);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
