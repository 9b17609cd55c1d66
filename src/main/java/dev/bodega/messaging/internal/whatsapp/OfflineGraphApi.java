package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.ChannelRoutes;
import dev.bodega.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Graph API of a demo with none configured: takes a message as Meta would (a new wamid) and then, like a phone
 * receiving it, sends the signed status webhooks {@code delivered} and {@code read} through the same code a real
 * webhook reaches. An agent's WhatsApp reply in the demo is thus sent and ticked with no outside network.
 */
class OfflineGraphApi extends GraphApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineGraphApi.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChannelRoutes routes;
    private final WhatsAppChannels channels;
    private final ObjectProvider<WhatsAppWebhooks> webhooks;
    private final Clock clock;
    private final Duration step;
    private final ScheduledExecutorService phone = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "offline-whatsapp-phone");
        thread.setDaemon(true);
        return thread;
    });

    OfflineGraphApi(ChannelRoutes routes, WhatsAppChannels channels, ObjectProvider<WhatsAppWebhooks> webhooks,
                    Clock clock, Duration step) {
        super("http://offline.invalid");
        this.routes = routes;
        this.channels = channels;
        this.webhooks = webhooks;
        this.clock = clock;
        this.step = step;
    }

    @Override
    String sendText(String phoneNumberId, String token, String to, String body, String replyTo) {
        return accepted(phoneNumberId, to);
    }

    @Override
    String sendTemplate(String phoneNumberId, String token, String to, String name, String language,
                        List<String> parameters) {
        return accepted(phoneNumberId, to);
    }

    @Override
    String sendMedia(String phoneNumberId, String token, String to, String type, String mediaId, String caption,
                     String fileName) {
        return accepted(phoneNumberId, to);
    }

    @Override
    String uploadMedia(String phoneNumberId, String token, byte[] bytes, String mimeType, String fileName) {
        return "offline-media-" + UUID.randomUUID();
    }

    @Override
    Download fetchMedia(String mediaId, String token) {
        throw new GraphApiException(404, 0, "The offline Graph API keeps no media", false, null);
    }

    /** The status webhooks come after the outbox has stored the wamid, one step apart. */
    private String accepted(String phoneNumberId, String to) {
        String wamid = "wamid.OFFLINE" + UUID.randomUUID().toString().replace("-", "");
        phone.schedule(() -> confirm(phoneNumberId, wamid, to, "delivered"), step.toMillis(), TimeUnit.MILLISECONDS);
        phone.schedule(() -> confirm(phoneNumberId, wamid, to, "read"), step.toMillis() * 2, TimeUnit.MILLISECONDS);
        return wamid;
    }

    /** Posts one signed status webhook for the channel of {@code phoneNumberId}. */
    void confirm(String phoneNumberId, String wamid, String to, String status) {
        try {
            routes.find(WhatsAppChannels.TYPE, phoneNumberId).ifPresent(route -> {
                String secret = TenantContext.callAs(TenantContext.Scope.system(route.tenantId()),
                        () -> channels.find(route.integrationId()).orElseThrow().credentials().appSecret());
                byte[] body = statusWebhook(phoneNumberId, wamid, to, status);
                webhooks.getObject().receive(body, WebhookSignature.sign(secret, body));
            });
        } catch (RuntimeException e) {
            LOG.warn("The offline Graph API could not confirm {} as {}: {}", wamid, status, e.getMessage());
        }
    }

    private byte[] statusWebhook(String phoneNumberId, String wamid, String to, String status) {
        ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "offline")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "offline").put("phone_number_id", phoneNumberId);
        value.putArray("statuses").addObject().put("id", wamid).put("status", status)
                .put("timestamp", String.valueOf(clock.instant().getEpochSecond())).put("recipient_id", to);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    public void close() {
        phone.shutdownNow();
    }
}
