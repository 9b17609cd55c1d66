package dev.bodega.sales.internal.orders;

import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Who hears of an order, in the transaction that changed it: a submitted order tells whoever may approve it; an
 * approval, rejection or shipment tells the partner user who ordered it. Kept as message keys, so each reader sees
 * it in their language; the text is the company's language.
 */
@Component
class OrderNotices {

    private final Notifications notifications;
    private final MessageSource messages;
    private final TenantSettingsService settings;

    OrderNotices(Notifications notifications, MessageSource messages, TenantSettingsService settings) {
        this.notifications = notifications;
        this.messages = messages;
        this.settings = settings;
    }

    void submitted(OrderView order) {
        List<String> args = List.of(order.code(), order.organizationName());
        UUID submitter = TenantContext.userId().orElse(null);
        notifications.holdersOf("orders.approve").stream().filter(user -> !user.equals(submitter))
                .forEach(user -> send(NotificationType.ORDER_SUBMITTED, user, "orders.notice.submitted", args,
                        "info", "/sales/customer-orders/" + order.id()));
    }

    /** The order's new state, told to who ordered it (none for an order the company entered itself). */
    void changed(OrderView order) {
        if (order.orderedBy() == null || order.orderedBy().equals(TenantContext.userId().orElse(null))) {
            return;
        }
        List<String> args = List.of(order.code(), Objects.requireNonNullElse(order.reason(), ""));
        send(NotificationType.ORDER_STATUS_CHANGED, order.orderedBy(), "orders.notice." + order.status(), args,
                order.status().equals("rejected") ? "warning" : "success", "/portal/orders/" + order.id());
    }

    private void send(NotificationType kind, UUID user, String key, List<String> args, String type, String link) {
        Locale locale = settings.current().language();
        String title = messages.getMessage(key + ".title", args.toArray(), locale);
        String message = messages.getMessage(key + ".message", args.toArray(), locale);
        notifications.send(kind, new Notifications.Notice(user, title, message, type, "normal", link,
                key + ".title", key + ".message", args));
    }
}
