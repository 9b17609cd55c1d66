package dev.bodega.inventory.internal.alerts;

import dev.bodega.inventory.NegativeStockReached;
import dev.bodega.inventory.internal.StockOpsMessages;
import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.TenantContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Seed 004's negative inventory with warnings: a posting the company let go below zero tells those who approve
 * movements (but not who made it: their answer already carries the warning). In the posting's transaction, so
 * a posting rolled back tells nobody.
 */
@Component
class NegativeStockNotifier {

    private static final String TITLE = "stockops.notice.negative.title";
    private static final String MESSAGE = "stockops.notice.negative.message";

    private record Names(String itemName, String locationName) {
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final StockOpsMessages messages;

    NegativeStockNotifier(JdbcClient jdbc, Notifications notifications, StockOpsMessages messages) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.messages = messages;
    }

    @EventListener
    void on(NegativeStockReached event) {
        UUID actor = TenantContext.userId().orElse(null);
        List<UUID> recipients = notifications.holdersOf("inventory.approve").stream()
                .filter(user -> !user.equals(actor)).toList();
        if (recipients.isEmpty()) {
            return;
        }
        Names names = jdbc.sql("""
                        SELECT i.name AS item_name, l.name AS location_name FROM catalog_items i
                        JOIN locations l ON l.tenant_id = i.tenant_id AND l.id = :location
                        WHERE i.id = :item""")
                .param("location", event.locationId()).param("item", event.itemId())
                .query(Names.class).single();
        List<String> args = List.of(event.sku(), names.itemName(), StockOpsMessages.quantity(event.onHand()),
                names.locationName());
        Locale locale = messages.companyLocale();
        String title = messages.text(locale, TITLE, args.toArray());
        String message = messages.text(locale, MESSAGE, args.toArray());
        String link = "/inventory/items/" + event.itemId() + "/kardex";
        recipients.forEach(user -> notifications.send(NotificationType.STOCK_NEGATIVE,
                new Notifications.Notice(user, title, message, "warning", "high", link, TITLE, MESSAGE, args)));
    }
}
