package dev.bodega.sales.internal.selling;

import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A void asked for tells whoever may approve it (sales.void), except the one asking, in the asking transaction.
 * Kept as message keys, so each reader sees it in their language; the text is the company's language.
 */
@Component
class VoidNotices {

    private static final String TITLE = "sales.void.notice.title";
    private static final String MESSAGE = "sales.void.notice.message";

    private final Notifications notifications;
    private final MessageSource messages;
    private final TenantSettingsService settings;

    VoidNotices(Notifications notifications, MessageSource messages, TenantSettingsService settings) {
        this.notifications = notifications;
        this.messages = messages;
        this.settings = settings;
    }

    void requested(VoidRequests.VoidRequest request) {
        List<String> args = List.of(Objects.requireNonNullElse(request.invoice(), ""), request.requestedByName(),
                request.reason());
        Locale locale = settings.current().language();
        String title = messages.getMessage(TITLE, args.toArray(), locale);
        String message = messages.getMessage(MESSAGE, args.toArray(), locale);
        String link = "/sales/" + request.saleId();
        notifications.holdersOf("sales.void").stream().filter(user -> !user.equals(request.requestedBy()))
                .forEach(user -> notifications.send(NotificationType.SALE_VOID_REQUESTED, new Notifications.Notice(
                        user, title, message, "warning", "high", link, TITLE, MESSAGE, args)));
    }
}
