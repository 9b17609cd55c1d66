package dev.bodega.messaging.internal;

import java.util.Locale;

/**
 * A message's delivery status (seed 002): {@code pending → sent → delivered → read}, or {@code failed}. Channels report
 * statuses out of order (a {@code read} before its {@code delivered}); a status only ever moves forward, and
 * {@code failed} only replaces one that never reached the phone.
 */
public enum MessageStatus {
    PENDING, SENT, DELIVERED, READ, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
