package dev.bodega.messaging.internal.whatsapp;

import java.time.Duration;
import java.time.Instant;

/**
 * WhatsApp's customer-service window: a business may send free text (and media) only within 24 hours of the
 * customer's last message; outside it, only a template Meta approved. Meta refuses the rest (error 131047), so
 * Bodega refuses first, when the agent can still choose a template.
 */
final class CustomerServiceWindow {

    static final Duration LENGTH = Duration.ofHours(24);

    private CustomerServiceWindow() {
    }

    static boolean open(Instant lastInboundAt, Instant now) {
        return lastInboundAt != null && now.isBefore(lastInboundAt.plus(LENGTH));
    }
}
