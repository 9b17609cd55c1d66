package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.ChannelRoutes;
import dev.bodega.messaging.internal.Inbox;
import dev.bodega.messaging.internal.InboundMessage;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a webhook POST does: finds the company of each business number it names, checks the signature with that
 * channel's app secret, and only when every check passes hands its messages to the {@link Inbox} and its statuses
 * to {@link Inbox#updateStatus}, in one transaction per company. A refused webhook stores nothing.
 */
@Service
class WhatsAppWebhooks {

    enum Outcome { ACCEPTED, MALFORMED, UNKNOWN_NUMBER, BAD_SIGNATURE, RATE_LIMITED }

    private final ChannelRoutes routes;
    private final WhatsAppChannels channels;
    private final WhatsAppMedia media;
    private final Inbox inbox;
    private final WebhookRateLimit rateLimit;
    private final TenantSettingsService settings;
    private final TransactionTemplate transactions;

    WhatsAppWebhooks(ChannelRoutes routes, WhatsAppChannels channels, WhatsAppMedia media, Inbox inbox,
                     WebhookRateLimit rateLimit, TenantSettingsService settings, TransactionTemplate transactions) {
        this.routes = routes;
        this.channels = channels;
        this.media = media;
        this.inbox = inbox;
        this.rateLimit = rateLimit;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** The handshake: the challenge when the verify token is one of a channel's. */
    Optional<String> handshake(String mode, String verifyToken, String challenge) {
        return WebhookHandshake.challenge(mode, verifyToken, challenge, token ->
                routes.find(WhatsAppChannels.VERIFY_ROUTE, WhatsAppChannels.sha256(token)).isPresent());
    }

    Outcome receive(byte[] rawBody, String signature) {
        Webhook webhook;
        try {
            webhook = WebhookParser.parse(rawBody);
        } catch (WebhookParser.Malformed e) {
            return Outcome.MALFORMED;
        }
        Map<String, ChannelRoutes.Route> byNumber = new LinkedHashMap<>();
        for (String number : WebhookParser.phoneNumberIds(webhook)) {
            Optional<ChannelRoutes.Route> route = routes.find(WhatsAppChannels.TYPE, number);
            if (route.isEmpty()) {
                return Outcome.UNKNOWN_NUMBER;
            }
            byNumber.put(number, route.get());
        }
        for (ChannelRoutes.Route route : byNumber.values()) {
            if (!signedBy(route, rawBody, signature)) {
                return Outcome.BAD_SIGNATURE;
            }
        }
        for (UUID tenant : byNumber.values().stream().map(ChannelRoutes.Route::tenantId).distinct().toList()) {
            if (!TenantContext.callAs(TenantContext.Scope.system(tenant),
                    () -> rateLimit.tryAcquire(tenant, settings.current().plan()))) {
                return Outcome.RATE_LIMITED;
            }
        }
        byNumber.forEach((number, route) -> store(route, number, webhook));
        return Outcome.ACCEPTED;
    }

    private boolean signedBy(ChannelRoutes.Route route, byte[] rawBody, String signature) {
        return TenantContext.callAs(TenantContext.Scope.system(route.tenantId()), () ->
                channels.find(route.integrationId())
                        .map(c -> WebhookSignature.matches(c.credentials().appSecret(), rawBody, signature))
                        .orElse(false));
    }

    private void store(ChannelRoutes.Route route, String number, Webhook webhook) {
        TenantContext.runAs(TenantContext.Scope.system(route.tenantId()), () -> transactions.executeWithoutResult(tx -> {
            webhook.messages().stream().filter(m -> number.equals(m.phoneNumberId()))
                    .forEach(m -> inbox.receive(InboundMapping.toInbox(route, m, mediaUrl(route, m))));
            webhook.statuses().stream().filter(s -> number.equals(s.phoneNumberId()))
                    .forEach(s -> inbox.updateStatus(route.tenantId(), WhatsAppChannels.TYPE, s.messageId(),
                            s.status().name().toLowerCase(java.util.Locale.ROOT), errorText(s.error())));
        }));
    }

    private String mediaUrl(ChannelRoutes.Route route, Webhook.Inbound message) {
        return message.media() == null || message.media().id() == null ? null
                : WhatsAppMedia.url(media.queue(route.integrationId(), message.media()));
    }

    private static String errorText(Webhook.Error error) {
        return error == null ? null : error.code() + " " + (error.title() == null ? "" : error.title())
                + (error.message() == null || error.message().equals(error.title()) ? "" : ": " + error.message());
    }
}
