package dev.bodega.inventory.internal.alerts;

import dev.bodega.inventory.LowStockReached;
import dev.bodega.inventory.StockLow;
import dev.bodega.inventory.internal.StockOpsMessages;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.Permissions;
import dev.bodega.platform.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One notification per low-stock crossing to each subscriber who may see the
 * location. The event reaches this listener through Spring Modulith's event
 * publication registry (the outbox, written in the posting's transaction), so a
 * crash between the posting and the notice delays the notice instead of losing it;
 * a redelivered event finds its crossing already announced and sends nothing.
 */
@Component
public class LowStockNotifier {

    public static final String ALERT_TYPE = "low_stock";
    private static final int CLAIM_ATTEMPTS = 10;
    /** Both read the same arguments: sku, name, on hand, location, minimum. */
    private static final String TITLE = "stockops.alert.lowStock.title";
    private static final String MESSAGE = "stockops.alert.lowStock.message";

    private record Subscriber(UUID userId, Set<String> permissions, boolean assigned) {
        boolean mayKnow() {
            return Permissions.allows(permissions, "inventory.read")
                    && (assigned || Permissions.allows(permissions, "inventory.all_locations"));
        }
    }

    private record Details(String sku, String name, String locationName, BigDecimal minimum) {
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final StockOpsMessages messages;
    private final TransactionTemplate newTransaction;
    /** The crossing as a business event (stock.low), in the transaction that claims it. */
    private final ApplicationEventPublisher events;

    LowStockNotifier(JdbcClient jdbc, Notifications notifications, StockOpsMessages messages,
                     PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.notifications = notifications;
        this.messages = messages;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Async, after the posting committed. The tenant is written into a transaction only when it begins,
     * so the listener starts none itself (NOT_SUPPORTED) and opens its own once the tenant is set.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void on(LowStockReached event) {
        TenantContext.runAs(TenantContext.Scope.system(event.tenantId()),
                () -> newTransaction.executeWithoutResult(tx -> deliver(event)));
    }

    private void deliver(LowStockReached event) {
        Optional<UUID> crossing = claimCrossing(event);
        if (crossing.isEmpty()) {
            return;
        }
        Details details = details(event);
        events.publishEvent(new StockLow(event.tenantId(), crossing.get(), event.locationId(), details.locationName(),
                event.itemId(), details.sku(), details.name(), event.onHand(), details.minimum()));
        List<UUID> recipients = subscribers(event.locationId()).stream()
                .filter(Subscriber::mayKnow).map(Subscriber::userId).toList();
        if (!recipients.isEmpty()) {
            Locale locale = messages.companyLocale();
            List<String> args = List.of(details.sku(), details.name(), StockOpsMessages.quantity(event.onHand()),
                    details.locationName(), StockOpsMessages.quantity(details.minimum()));
            String title = messages.text(locale, TITLE, args.toArray());
            String message = messages.text(locale, MESSAGE, args.toArray());
            String link = "/inventory/items/" + event.itemId() + "/kardex";
            recipients.forEach(user -> notifications.send(
                    new Notifications.Notice(user, title, message, "alert", "high", link, TITLE, MESSAGE, args)));
        }
        jdbc.sql("UPDATE low_stock_alerts SET recipients = :n WHERE tenant_id = :tenant AND ledger_id = :ledger")
                .param("tenant", TenantContext.tenantId())
                .param("n", recipients.size()).param("ledger", crossing.get()).update();
    }

    /**
     * Takes the oldest crossing of this level not yet announced. Each event takes one, so two quick
     * crossings give two alerts, and a delivery repeated after a restart finds none left.
     */
    private Optional<UUID> claimCrossing(LowStockReached event) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<UUID> ledger = jdbc.sql("""
                            SELECT l.id FROM stock_ledger l
                            WHERE l.location_id = :location AND l.item_id = :item AND l.crossed_below_min
                              AND NOT EXISTS (SELECT 1 FROM low_stock_alerts a WHERE a.tenant_id = l.tenant_id AND a.ledger_id = l.id)
                            ORDER BY l.id LIMIT 1""")
                    .param("location", event.locationId()).param("item", event.itemId())
                    .query(UUID.class).optional();
            if (ledger.isEmpty()) {
                return ledger;
            }
            int claimed = jdbc.sql("""
                            INSERT INTO low_stock_alerts (tenant_id, ledger_id, location_id, item_id, on_hand)
                            VALUES (:tenant, :ledger, :location, :item, :onHand) ON CONFLICT DO NOTHING""")
                    .param("tenant", event.tenantId()).param("ledger", ledger.get())
                    .param("location", event.locationId()).param("item", event.itemId()).param("onHand", event.onHand())
                    .update();
            if (claimed == 1) {
                return ledger;
            }
        }
        return Optional.empty();
    }

    private List<Subscriber> subscribers(UUID location) {
        return jdbc.sql("""
                        SELECT s.user_id,
                               coalesce(array_agg(DISTINCT p) FILTER (WHERE p IS NOT NULL), '{}') AS permissions,
                               bool_or(ul.location_id IS NOT NULL) AS assigned
                        FROM alert_subscriptions s
                        JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id AND u.active AND u.deleted_at IS NULL
                        LEFT JOIN platform_user_permissions r ON r.tenant_id = s.tenant_id AND r.user_id = s.user_id
                        LEFT JOIN LATERAL unnest(r.permissions) AS p ON true
                        LEFT JOIN user_locations ul ON ul.tenant_id = s.tenant_id AND ul.user_id = s.user_id
                                                   AND ul.location_id = :location
                        WHERE s.alert_type = :type AND s.active
                        GROUP BY s.user_id ORDER BY s.user_id""")
                .param("location", location).param("type", ALERT_TYPE)
                .query(LowStockNotifier::subscriber).list();
    }

    private static Subscriber subscriber(ResultSet rs, int row) throws SQLException {
        String[] permissions = (String[]) rs.getArray("permissions").getArray();
        return new Subscriber(rs.getObject("user_id", UUID.class), Set.of(permissions), rs.getBoolean("assigned"));
    }

    private Details details(LowStockReached event) {
        return jdbc.sql("""
                        SELECT i.sku, i.name, l.name AS location_name, coalesce(sl.min_stock, i.min_stock) AS minimum
                        FROM catalog_items i
                        JOIN locations l ON l.tenant_id = i.tenant_id AND l.id = :location
                        LEFT JOIN stock_levels sl ON sl.tenant_id = i.tenant_id AND sl.location_id = l.id AND sl.item_id = i.id
                        WHERE i.id = :item""")
                .param("location", event.locationId()).param("item", event.itemId())
                .query(Details.class).single();
    }
}
