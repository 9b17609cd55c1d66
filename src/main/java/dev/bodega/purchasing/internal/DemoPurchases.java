package dev.bodega.purchasing.internal;

import dev.bodega.platform.DemoCompanyCreated;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo company's purchases over the last 90 days: thirteen supplier
 * orders to the demo suppliers for their own items, received into the
 * central warehouse — most fully (some in two deliveries, some late), two
 * partially, one sent, one draft, one cancelled — so the orders list and the
 * lead times show something real. Runs after the catalog, stock and sales
 * demo listeners. Deliveries post real stock through the ledger; their
 * ledger rows carry the time of the seeding, the deliveries their demo dates.
 */
@Component
class DemoPurchases {

    private static final Logger log = LoggerFactory.getLogger(DemoPurchases.class);
    private static final String BUYER = "gerente@demo.bodega";
    private static final String CENTRAL = "Bodega Central";

    /** What happens to one order: when it was placed, its promised lead time, and its deliveries (days after). */
    private record Plan(int daysAgo, int leadDays, Kind kind, int... deliveryDays) {
    }

    private enum Kind { RECEIVED, PARTIAL, SENT, DRAFT, CANCELLED }

    private record DemoItem(UUID id, BigDecimal cost) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan(88, 7, Kind.RECEIVED, 6),
            new Plan(80, 10, Kind.RECEIVED, 4, 9),
            new Plan(73, 5, Kind.RECEIVED, 9),
            new Plan(66, 8, Kind.RECEIVED, 5, 12),
            new Plan(58, 6, Kind.RECEIVED, 6),
            new Plan(50, 7, Kind.RECEIVED, 6, 10),
            new Plan(42, 10, Kind.RECEIVED, 8),
            new Plan(35, 5, Kind.CANCELLED, 3),
            new Plan(27, 8, Kind.RECEIVED, 3, 7),
            new Plan(18, 10, Kind.PARTIAL, 8),
            new Plan(12, 7, Kind.PARTIAL, 6),
            new Plan(5, 10, Kind.SENT),
            new Plan(1, 7, Kind.DRAFT));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SupplierOrders orders;
    private final Receiving receiving;
    private final TenantSettingsService settings;

    DemoPurchases(JdbcClient jdbc, TransactionTemplate transactions, SupplierOrders orders, Receiving receiving,
                  TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.orders = orders;
        this.receiving = receiving;
        this.settings = settings;
    }

    @EventListener
    @Order(300)
    public void on(DemoCompanyCreated event) {
        try {
            seed(event.tenantId(), event.adminUserId());
        } catch (RuntimeException e) {
            // Demo data is a convenience: the company stays usable without it.
            log.error("The demo company's supplier orders could not be created", e);
        }
    }

    private void seed(UUID tenant, UUID admin) {
        UUID buyer = as(tenant, null, () -> userId(BUYER)).orElse(admin);
        List<UUID> suppliers = as(tenant, buyer, this::suppliers);
        Optional<UUID> location = as(tenant, buyer, this::centralWarehouse);
        if (suppliers.isEmpty() || location.isEmpty()) {
            log.info("Demo purchases: no suppliers or locations yet, so no supplier orders");
            return;
        }
        int created = 0;
        for (int i = 0; i < PLANS.size(); i++) {
            UUID supplier = suppliers.get(i % suppliers.size());
            List<DemoItem> items = as(tenant, buyer, () -> itemsOf(supplier));
            if (!items.isEmpty()) {
                place(tenant, buyer, PLANS.get(i), i, supplier, location.get(), items);
                created++;
            }
        }
        log.info("Demo purchases: {} supplier orders", created);
    }

    private void place(UUID tenant, UUID buyer, Plan plan, int index, UUID supplier, UUID location, List<DemoItem> items) {
        TenantSettings company = as(tenant, buyer, settings::current);
        ZoneId zone = company.zoneId();
        LocalDate ordered = LocalDate.now(zone).minusDays(plan.daysAgo());
        List<SupplierOrders.LineRequest> lines = new ArrayList<>();
        for (int k = 0; k < Math.min(3, items.size()); k++) {
            DemoItem item = items.get((index + k) % items.size());
            if (lines.stream().noneMatch(l -> l.itemId().equals(item.id()))) {
                lines.add(new SupplierOrders.LineRequest(item.id(), BigDecimal.valueOf(12 + (index * 7 + k * 5) % 30),
                        item.cost()));
            }
        }
        UUID id = as(tenant, buyer, () -> orders.create(new SupplierOrders.OrderRequest(supplier, location, ordered,
                ordered.plusDays(plan.leadDays()), "Pedido de demostración", lines)).id());
        if (plan.kind() == Kind.DRAFT) {
            return;
        }
        as(tenant, buyer, () -> orders.send(id, at(ordered, 0, 10, zone)));
        if (plan.kind() == Kind.CANCELLED) {
            as(tenant, buyer, () -> orders.cancel(id, new SupplierOrders.Cancellation(
                    "El proveedor no tiene existencias"), at(ordered, plan.deliveryDays()[0], 11, zone)));
            return;
        }
        int[] days = plan.deliveryDays();
        for (int d = 0; d < days.length; d++) {
            boolean last = d == days.length - 1;
            // Two deliveries split each line 60/40; a partial order receives half of each line once.
            double share = plan.kind() == Kind.PARTIAL ? 0.5 : days.length == 1 || last ? 1.0 : 0.6;
            Instant when = at(ordered, days[d], 15, zone);
            as(tenant, buyer, () -> receiving.receive(id, delivery(id, share), when));
        }
    }

    /** Receives {@code share} of each line's ordered quantity (all that is outstanding when the share is 1). */
    private Receiving.ReceiptRequest delivery(UUID orderId, double share) {
        List<Receiving.ReceiptLineRequest> lines = orders.lines(orderId).stream()
                .map(l -> new Receiving.ReceiptLineRequest(l.id(), share >= 1.0 ? l.outstandingQuantity()
                        : l.quantity().multiply(BigDecimal.valueOf(share)).setScale(0, RoundingMode.DOWN)))
                .filter(l -> l.quantity().signum() > 0)
                .toList();
        return new Receiving.ReceiptRequest(null, "Remisión de demostración", false, lines);
    }

    private static Instant at(LocalDate day, int plusDays, int hour, ZoneId zone) {
        return day.plusDays(plusDays).atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }

    private List<UUID> suppliers() {
        return jdbc.sql("SELECT id FROM suppliers WHERE active AND deleted_at IS NULL ORDER BY name")
                .query(UUID.class).list();
    }

    private Optional<UUID> centralWarehouse() {
        return jdbc.sql("SELECT id FROM locations WHERE active ORDER BY (name = :central) DESC, name LIMIT 1")
                .param("central", CENTRAL).query(UUID.class).optional();
    }

    /** The supplier's active items, at the price it last charged (else the item's cost). */
    private List<DemoItem> itemsOf(UUID supplier) {
        return jdbc.sql("""
                        SELECT i.id, coalesce(s.last_price, i.cost_price) AS cost
                        FROM item_suppliers s
                        JOIN items i ON i.tenant_id = s.tenant_id AND i.id = s.item_id
                        WHERE s.supplier_id = :supplier AND i.active AND i.deleted_at IS NULL
                        ORDER BY s.preferred DESC, i.sku
                        LIMIT 12""")
                .param("supplier", supplier).query(DemoItem.class).list();
    }

    private Optional<UUID> userId(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email = :email AND deleted_at IS NULL")
                .param("email", email).query(UUID.class).optional();
    }

    private <T> T as(UUID tenant, UUID user, Supplier<T> work) {
        return TenantContext.callAs(new TenantContext.Scope(tenant, user, null, "demo-seed"),
                () -> transactions.execute(tx -> work.get()));
    }
}
