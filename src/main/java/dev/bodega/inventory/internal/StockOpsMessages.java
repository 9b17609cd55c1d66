package dev.bodega.inventory.internal;

import dev.bodega.platform.Notifications;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Notices written for people who are not the current request: they are stored
 * as text, so they are rendered in the company's language.
 */
@Component
public class StockOpsMessages {

    private final MessageSource messages;
    private final TenantSettingsService settings;
    private final Notifications notifications;

    StockOpsMessages(MessageSource messages, TenantSettingsService settings, Notifications notifications) {
        this.messages = messages;
        this.settings = settings;
        this.notifications = notifications;
    }

    public Locale companyLocale() {
        return settings.current().language();
    }

    public String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Tells the requester that their adjustment was approved (and posted) or rejected, and why. */
    public void notifyDecision(UUID requester, UUID adjustmentId, String decision, String note) {
        Locale locale = companyLocale();
        String titleKey = "stockops.notice.adjustment." + decision;
        String message = note == null || note.isBlank() ? "" : note;
        notifications.send(new Notifications.Notice(requester, text(locale, titleKey), message,
                decision.equals("approved") ? "success" : "warning", "normal", "/inventory/adjustments/" + adjustmentId,
                titleKey, null, List.of()));
    }

    public static String quantity(BigDecimal quantity) {
        return quantity == null ? "" : quantity.stripTrailingZeros().toPlainString();
    }
}
