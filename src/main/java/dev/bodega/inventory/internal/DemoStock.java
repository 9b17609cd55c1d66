package dev.bodega.inventory.internal;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.platform.DemoCompanyCreated;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo company's stock: three locations, the seller and the technician
 * assigned to theirs, opening stock for every active item (a few below their
 * minimum), the admin subscribed to low-stock alerts, and one adjustment
 * waiting for approval. Runs after the catalog's demo listener (which creates
 * the items); without items it creates only the locations.
 */
@Component
class DemoStock {

    static final String CENTRAL = "Bodega Central";
    static final String WORKSHOP = "Taller Norte";
    static final String STORE = "Tienda Centro";
    static final BigDecimal APPROVAL_THRESHOLD = new BigDecimal("500.00");
    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);

    private record DemoItem(UUID id, String sku, BigDecimal costPrice, BigDecimal minStock, int decimals) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StockPostings postings;
    private final Adjustments adjustments;
    private final AlertSubscriptions alerts;

    DemoStock(JdbcClient jdbc, TransactionTemplate transactions, StockPostings postings, Adjustments adjustments,
              AlertSubscriptions alerts) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.postings = postings;
        this.adjustments = adjustments;
        this.alerts = alerts;
    }

    @EventListener
    @Order(100)
    public void on(DemoCompanyCreated event) {
        try {
            seed(event.tenantId(), event.adminUserId());
        } catch (RuntimeException e) {
            // Demo data is a convenience: the company and its users stay usable without it.
            log.error("The demo company's stock could not be created", e);
        }
    }

    private void seed(UUID tenant, UUID admin) {
        Map<String, UUID> locations = as(tenant, null, () -> {
            Map<String, UUID> created = createLocations(tenant);
            assign(tenant, "vendedor@demo.bodega", created.get(STORE));
            assign(tenant, "tecnico@demo.bodega", created.get(WORKSHOP));
            return created;
        });
        List<DemoItem> items = as(tenant, null, this::activeItems);
        if (items.isEmpty()) {
            log.info("Demo stock: locations created; no items yet, so no opening stock");
            return;
        }
        TenantContext.runAs(scope(tenant, admin), () -> alerts.update(admin,
                List.of(new AlertSubscriptions.Subscription(LowStockNotifier.ALERT_TYPE, true))));
        int posted = as(tenant, admin, () -> openingStock(tenant, items, locations));
        as(tenant, null, () -> jdbc.sql("""
                        UPDATE tenants SET adjustment_approval_threshold = :threshold, version = version + 1, updated_at = now()
                        WHERE id = :tenant""")
                .param("threshold", APPROVAL_THRESHOLD).param("tenant", tenant).update());
        UUID requester = as(tenant, null, () -> userId("gerente@demo.bodega")).orElse(admin);
        pendingAdjustment(tenant, requester, items, locations.get(CENTRAL));
        log.info("Demo stock: {} ledger rows of opening stock at {} locations", posted, locations.size());
    }

    private Map<String, UUID> createLocations(UUID tenant) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (List<String> location : List.of(
                List.of(CENTRAL, "warehouse", "Calle 13 # 68-45, Bogotá", "+57 601 555 0101"),
                List.of(WORKSHOP, "workshop", "Carrera 15 # 122-30, Bogotá", "+57 601 555 0102"),
                List.of(STORE, "store", "Carrera 7 # 24-89, Bogotá", "+57 601 555 0103"))) {
            UUID id = Ids.next();
            jdbc.sql("""
                            INSERT INTO locations (tenant_id, id, name, kind, address, phone)
                            VALUES (:tenant, :id, :name, :kind, :address, :phone)""")
                    .param("tenant", tenant).param("id", id).param("name", location.get(0)).param("kind", location.get(1))
                    .param("address", location.get(2)).param("phone", location.get(3))
                    .update();
            ids.put(location.get(0), id);
        }
        return ids;
    }

    private void assign(UUID tenant, String email, UUID location) {
        userId(email).ifPresent(user -> jdbc.sql("""
                        INSERT INTO user_locations (tenant_id, user_id, location_id) VALUES (:tenant, :user, :location)
                        ON CONFLICT DO NOTHING""")
                .param("tenant", tenant).param("user", user).param("location", location).update());
    }

    private Optional<UUID> userId(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email = :email AND deleted_at IS NULL")
                .param("email", email).query(UUID.class).optional();
    }

    private List<DemoItem> activeItems() {
        return jdbc.sql("""
                        SELECT i.id, i.sku, i.cost_price, i.min_stock, u.decimals
                        FROM items i JOIN units u ON u.code = i.unit_code
                        WHERE i.active AND i.deleted_at IS NULL ORDER BY i.sku""")
                .query(DemoItem.class).list();
    }

    /**
     * Deterministic quantities: every item at the central warehouse, every third one at the store and every fourth
     * at the workshop; one in 25 starts below its minimum (given one at the warehouse if the item has none).
     */
    private int openingStock(UUID tenant, List<DemoItem> items, Map<String, UUID> locations) {
        List<Line> lines = new ArrayList<>();
        List<UUID> lowWithoutMinimum = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            DemoItem item = items.get(i);
            BigDecimal cost = item.costPrice();
            boolean low = i % 25 == 3;
            BigDecimal central = low ? lowQuantity(item) : quantity(10 + (i * 37) % 90, item);
            lines.add(Line.in(locations.get(CENTRAL), item.id(), MovementType.OPENING_BALANCE, central, cost));
            if (low && item.minStock().signum() == 0) {
                lowWithoutMinimum.add(item.id());
            }
            if (i % 3 == 0) {
                lines.add(Line.in(locations.get(STORE), item.id(), MovementType.OPENING_BALANCE, quantity(2 + i % 12, item), cost));
            }
            if (i % 4 == 1) {
                lines.add(Line.in(locations.get(WORKSHOP), item.id(), MovementType.OPENING_BALANCE, quantity(1 + i % 8, item), cost));
            }
        }
        for (int from = 0; from < lines.size(); from += OpeningBalanceImporter.BATCH_SIZE) {
            List<Line> batch = lines.subList(from, Math.min(lines.size(), from + OpeningBalanceImporter.BATCH_SIZE));
            postings.post(new StockPostings.Posting("opening_balance", "demo", null, null, "Saldo inicial de demostración",
                    List.copyOf(batch)));
        }
        // A minimum set by hand moves the low-stock flag without an alert, as for any level.
        jdbc.sql("""
                        UPDATE stock_levels SET min_stock = on_hand * 3, updated_at = now()
                        WHERE location_id = :central AND item_id = ANY (CAST(:items AS uuid[]))""")
                .param("central", locations.get(CENTRAL))
                .param("items", lowWithoutMinimum.stream().map(UUID::toString).toArray(String[]::new))
                .update();
        return lines.size();
    }

    /** Whole units for pieces; bulk material gets half a unit more, to show its decimals. */
    private static BigDecimal quantity(int units, DemoItem item) {
        BigDecimal quantity = BigDecimal.valueOf(units);
        return item.decimals() > 0 ? quantity.add(new BigDecimal("0.5")) : quantity;
    }

    private static BigDecimal lowQuantity(DemoItem item) {
        BigDecimal half = item.minStock().divide(BigDecimal.valueOf(2), item.decimals(), RoundingMode.DOWN);
        return half.signum() > 0 ? half : BigDecimal.ONE;
    }

    /** A count correction at the warehouse worth more than the threshold, requested by the manager. */
    private void pendingAdjustment(UUID tenant, UUID requester, List<DemoItem> items, UUID central) {
        items.stream().filter(i -> i.costPrice().signum() > 0)
                .max((a, b) -> a.costPrice().compareTo(b.costPrice()))
                .ifPresent(item -> {
                    BigDecimal quantity = APPROVAL_THRESHOLD.divide(item.costPrice(), 0, RoundingMode.CEILING)
                            .add(BigDecimal.ONE);
                    as(tenant, requester, () -> adjustments.request(new Adjustments.Request(central, "count_correction",
                            "Conteo físico: cajas sin registrar en el mezzanine",
                            List.of(new Adjustments.LineRequest(item.id(), quantity)))));
                });
    }

    private static TenantContext.Scope scope(UUID tenant, UUID user) {
        return new TenantContext.Scope(tenant, user, null, "demo-seed");
    }

    private <T> T as(UUID tenant, UUID user, Supplier<T> work) {
        return TenantContext.callAs(scope(tenant, user), () -> transactions.execute(tx -> work.get()));
    }
}
