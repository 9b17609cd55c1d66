package dev.bodega.sales.internal;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.DemoCompanyCreated;
import dev.bodega.platform.TenantContext;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo company's customers and 90 days of sales history, so the dashboard and the reports show
 * something real on the first start. Everything goes through the real services ({@link Customers},
 * {@link Sales}, {@link Returns}): invoice numbers, stock issues, customer totals and events are the
 * ones a till would make, only dated in the past. The stock the history sells is received first (one
 * receipt per location through the ledger), so the levels end where the inventory demo left them and
 * never run short; where the inventory demo left an item below its minimum it is not sold, so it stays low.
 */
@Component
class DemoSales {

    static final int DAYS = 90;
    private static final int RETURNS = 8;
    private static final int RECEIPT_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DemoSales.class);

    private record DemoItem(UUID id, String sku, BigDecimal costPrice, BigDecimal minStock, int decimals) {
    }

    /** A completed sale that may take a return later. */
    private record Sold(UUID saleId, Instant at, UUID sellerId, List<UUID> lineIds, List<BigDecimal> quantities,
                        String method) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Customers customers;
    private final Sales sales;
    private final Returns returns;
    private final StockPostings postings;
    private final TenantSettingsService settings;
    private final Clock clock;

    DemoSales(JdbcClient jdbc, TransactionTemplate transactions, Customers customers, Sales sales, Returns returns,
              StockPostings postings, TenantSettingsService settings, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.customers = customers;
        this.sales = sales;
        this.returns = returns;
        this.postings = postings;
        this.settings = settings;
        this.clock = clock;
    }

    /** After the catalog (10) and the stock (100), which this history sells. */
    @EventListener
    @Order(200)
    public void on(DemoCompanyCreated event) {
        long started = System.nanoTime();
        try {
            seed(event.tenantId(), event.adminUserId());
        } catch (RuntimeException e) {
            // Demo data is a convenience: the company stays usable without it.
            log.error("The demo company's sales history could not be created", e);
        }
        log.info("Demo sales: done in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void seed(UUID tenant, UUID admin) {
        List<DemoSalesPlan.Store> stores = as(tenant, admin, () -> stores(admin));
        List<DemoItem> items = as(tenant, admin, this::sellableItems);
        if (stores.isEmpty() || items.isEmpty()) {
            log.info("Demo sales: no locations or no items in stock, so no sales history");
            return;
        }
        ZoneId zone = as(tenant, admin, () -> settings.current().zoneId());
        List<UUID> customerIds = as(tenant, admin, () -> DemoCustomers.ALL.stream()
                .map(form -> customers.create(form).id()).toList());
        DemoSalesPlan plan = new DemoSalesPlan(stores, items.stream()
                .map(i -> new DemoSalesPlan.Item(i.id(), i.sku(), i.decimals())).toList(), customerIds);
        Instant now = clock.instant();
        List<DemoSalesPlan.Sale> planned = plan.sales(now, zone, DAYS);
        as(tenant, admin, () -> receive(planned, items));

        List<Sold> sold = new ArrayList<>();
        Map<LocalDate, List<DemoSalesPlan.Sale>> days = new LinkedHashMap<>();
        planned.forEach(sale -> days.computeIfAbsent(sale.at().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(sale));
        days.forEach((day, sales) -> sold.addAll(sellDay(tenant, admin, day, sales, now)));
        int made = sold.size();
        sold.removeIf(Objects::isNull);
        int returned = returns(tenant, sold, plan.random(), now);
        log.info("Demo sales: {} customers, {} sales over {} days ({} cancelled), {} returns",
                customerIds.size(), made, DAYS, made - sold.size(), returned);
    }

    /**
     * A day's sales in one transaction (one commit a day keeps the first start quick), each made as its
     * seller: who sold, cancelled and moved the stock is the seller's name on every row. A failure loses
     * that day, never half of it.
     */
    private List<Sold> sellDay(UUID tenant, UUID admin, LocalDate day, List<DemoSalesPlan.Sale> sales, Instant now) {
        try {
            return as(tenant, admin, () -> {
                List<Sold> sold = new ArrayList<>();
                for (DemoSalesPlan.Sale sale : sales) {
                    sold.add(TenantContext.callAs(new TenantContext.Scope(tenant, sale.sellerId(), null, "demo-seed"),
                            () -> sell(sale, now)));
                }
                return sold;
            });
        } catch (RuntimeException e) {
            log.warn("Demo sales: the sales of {} could not be made: {}", day, e.getMessage());
            return List.of();
        }
    }

    /** Tienda Centro sells most (its seller first), the warehouse counter some, the workshop a little. */
    private List<DemoSalesPlan.Store> stores(UUID admin) {
        UUID manager = userId("gerente@demo.bodega").orElse(admin);
        UUID seller = userId("vendedor@demo.bodega").orElse(admin);
        List<DemoSalesPlan.Store> stores = new ArrayList<>();
        locationId("Tienda Centro").ifPresent(id -> stores.add(store(id, 0.6, distinct(seller, manager, admin))));
        locationId("Bodega Central").ifPresent(id -> stores.add(store(id, 0.3, distinct(manager, admin))));
        locationId("Taller Norte").ifPresent(id -> stores.add(store(id, 0.1, distinct(manager, admin))));
        if (stores.isEmpty()) {
            jdbc.sql("SELECT id FROM locations WHERE active ORDER BY name LIMIT 1").query(UUID.class).optional()
                    .ifPresent(id -> stores.add(store(id, 1, List.of(admin))));
        }
        return stores;
    }

    /** Items the inventory demo left below their minimum here are not sold here: they stay low, alerting no one again. */
    private DemoSalesPlan.Store store(UUID locationId, double share, List<UUID> sellers) {
        Set<UUID> low = Set.copyOf(jdbc.sql("SELECT item_id FROM stock_levels WHERE location_id = :location AND below_min")
                .param("location", locationId).query(UUID.class).list());
        return new DemoSalesPlan.Store(locationId, share, sellers, low);
    }

    /** Active priced items. */
    private List<DemoItem> sellableItems() {
        return jdbc.sql("""
                        SELECT i.id, i.sku, i.cost_price, i.min_stock, u.decimals
                        FROM items i JOIN units u ON u.code = i.unit_code
                        WHERE i.active AND i.deleted_at IS NULL AND i.sale_price > 0
                        ORDER BY i.sku_key""")
                .query(DemoItem.class).list();
    }

    /**
     * What the history sells at each location, received before the first sale at the item's cost, plus
     * what a level needs to end above its minimum: the history then crosses no minimum (no low-stock
     * alerts) and leaves every level where it was, or just above its minimum where it had none.
     */
    private int receive(List<DemoSalesPlan.Sale> planned, List<DemoItem> items) {
        Map<UUID, DemoItem> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        Map<List<UUID>, BigDecimal> demand = new LinkedHashMap<>();
        for (DemoSalesPlan.Sale sale : planned) {
            for (DemoSalesPlan.Line line : sale.lines()) {
                demand.merge(List.of(sale.store().locationId(), line.item().id()), line.quantity(), BigDecimal::add);
            }
        }
        Map<List<UUID>, BigDecimal> shortOfMinimum = shortOfMinimum();
        List<StockPostings.Line> lines = new ArrayList<>();
        demand.forEach((key, quantity) -> lines.add(StockPostings.Line.in(key.get(0), key.get(1), MovementType.RECEIPT,
                quantity.add(shortOfMinimum.getOrDefault(key, byId.get(key.get(1)).minStock().add(BigDecimal.ONE))
                        .max(BigDecimal.ZERO)),
                byId.get(key.get(1)).costPrice())));
        for (int from = 0; from < lines.size(); from += RECEIPT_BATCH) {
            postings.post(new StockPostings.Posting("receipt", "demo_sales", null, "restock",
                    "Reposición para el historial de ventas de demostración",
                    List.copyOf(lines.subList(from, Math.min(lines.size(), from + RECEIPT_BATCH)))));
        }
        return lines.size();
    }

    /** One sale, completed and perhaps cancelled; null when it was cancelled. */
    private Sold sell(DemoSalesPlan.Sale sale, Instant now) {
        List<Sales.LineRequest> lines = sale.lines().stream().map(l -> new Sales.LineRequest(l.item().id(),
                l.quantity(), null, l.discountPercent(), null)).toList();
        Sales.NewSale cart = new Sales.NewSale(sale.store().locationId(), sale.customerId(), null, null, null,
                lines, false, null);
        BigDecimal total = sales.quote(cart).total();
        Sales.NewSale paid = new Sales.NewSale(cart.locationId(), cart.customerId(), null, null, null, lines,
                true, payments(sale, total));
        SaleViews.SaleView created = sales.create(paid, sale.at());
        if (sale.cancelAfterMinutes() > 0) {
            Instant at = min(sale.at().plus(Duration.ofMinutes(sale.cancelAfterMinutes())), now);
            sales.cancel(created.id(), new Sales.Cancellation(cancellationReason(sale)), at);
            return null;
                }
                return new Sold(created.id(), sale.at(), sale.sellerId(),
                        created.lines().stream().map(SaleViews.LineView::id).toList(),
                        created.lines().stream().map(SaleViews.LineView::quantity).toList(), created.paymentMethod());
    }

    private static List<Sales.PaymentRequest> payments(DemoSalesPlan.Sale sale, BigDecimal total) {
        return switch (sale.payment()) {
            case "card" -> List.of(new Sales.PaymentRequest("card", total, "**** " + (1000 + Math.abs(sale.at().hashCode() % 9000))));
            case "transfer" -> List.of(new Sales.PaymentRequest("transfer", total, "TRF-" + sale.at().getEpochSecond()));
            case "mixed" -> mixed(total);
            default -> List.of(new Sales.PaymentRequest("cash", tendered(total), null));
        };
    }

    /** Part by card, the rest in cash; a total too small to split is paid in cash. */
    private static List<Sales.PaymentRequest> mixed(BigDecimal total) {
        BigDecimal card = total.multiply(new BigDecimal("0.6")).setScale(0, RoundingMode.DOWN);
        if (card.signum() == 0 || card.compareTo(total) >= 0) {
            return List.of(new Sales.PaymentRequest("cash", tendered(total), null));
        }
        BigDecimal rest = total.subtract(card);
        return List.of(new Sales.PaymentRequest("card", card, null), new Sales.PaymentRequest("cash", tendered(rest), null));
    }

    /** What a customer hands over: the next 5 (under 20), else the next 10, with change. */
    private static BigDecimal tendered(BigDecimal amount) {
        BigDecimal bill = amount.compareTo(BigDecimal.valueOf(20)) < 0 ? BigDecimal.valueOf(5) : BigDecimal.TEN;
        BigDecimal rounded = amount.divide(bill, 0, RoundingMode.CEILING).multiply(bill);
        return rounded.setScale(amount.scale(), RoundingMode.UNNECESSARY);
    }

    private static String cancellationReason(DemoSalesPlan.Sale sale) {
        List<String> reasons = List.of("El cliente desistió de la compra", "Error al registrar los artículos",
                "Pago con tarjeta rechazado", "Venta duplicada");
        return reasons.get(Math.floorMod(sale.at().hashCode(), reasons.size()));
    }

    /** A handful of returns of earlier sales, some of goods that came back damaged, in date order. */
    private int returns(UUID tenant, List<Sold> sold, Random random, Instant now) {
        List<Sold> candidates = sold.stream().filter(s -> s.at().isBefore(now.minus(Duration.ofDays(3)))).toList();
        if (candidates.isEmpty()) {
            return 0;
        }
        List<String> reasons = List.of("No era la referencia que necesitaba", "Producto defectuoso",
                "El cliente compró de más", "Llegó dañado del transporte");
        Map<UUID, Sold> chosen = new LinkedHashMap<>();
        for (int i = 0; i < RETURNS * 3 && chosen.size() < RETURNS; i++) {
            Sold s = candidates.get(random.nextInt(candidates.size()));
            chosen.putIfAbsent(s.saleId(), s);
        }
        List<Sold> ordered = chosen.values().stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
        int made = 0;
        for (int i = 0; i < ordered.size(); i++) {
            Sold s = ordered.get(i);
            boolean damaged = i % 3 == 1;
            BigDecimal quantity = s.quantities().get(0).compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : s.quantities().get(0);
            Instant at = min(s.at().plus(Duration.ofHours(24L * (1 + random.nextInt(3)) + random.nextInt(8))), now);
            String method = "mixed".equals(s.method()) || s.method() == null ? "cash" : s.method();
            Returns.NewReturn request = new Returns.NewReturn(null, reasons.get(i % reasons.size()), method, null,
                    List.of(new Returns.ReturnLineRequest(s.lineIds().get(0), quantity, damaged)));
            try {
                as(tenant, s.sellerId(), () -> returns.create(s.saleId(), request, at));
                made++;
            } catch (RuntimeException e) {
                log.warn("Demo sales: a return of sale {} could not be made: {}", s.saleId(), e.getMessage());
            }
        }
        return made;
    }

    /** Per existing level: its minimum plus one, less what it holds (negative when it holds more); else the item's minimum plus one. */
    private Map<List<UUID>, BigDecimal> shortOfMinimum() {
        Map<List<UUID>, BigDecimal> gaps = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT sl.location_id, sl.item_id, coalesce(sl.min_stock, i.min_stock) + 1 - sl.on_hand AS gap
                        FROM stock_levels sl JOIN items i ON i.tenant_id = sl.tenant_id AND i.id = sl.item_id""")
                .query((java.sql.ResultSet rs) -> {
                    gaps.put(List.of(rs.getObject("location_id", UUID.class), rs.getObject("item_id", UUID.class)),
                            rs.getBigDecimal("gap"));
                });
        return gaps;
    }

    private Optional<UUID> userId(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email = :email AND deleted_at IS NULL AND active")
                .param("email", email).query(UUID.class).optional();
    }

    private Optional<UUID> locationId(String name) {
        return jdbc.sql("SELECT id FROM locations WHERE name = :name AND active")
                .param("name", name).query(UUID.class).optional();
    }

    private static List<UUID> distinct(UUID... users) {
        return List.of(users).stream().distinct().toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private <T> T as(UUID tenant, UUID user, Supplier<T> work) {
        return TenantContext.callAs(new TenantContext.Scope(tenant, user, null, "demo-seed"),
                () -> transactions.execute(tx -> work.get()));
    }
}
