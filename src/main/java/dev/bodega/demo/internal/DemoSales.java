package dev.bodega.demo.internal;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.PostingDates;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.SalesDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo company's customers and 90 days of sales history, so the dashboard and the reports show
 * something real on the first start. Everything goes through {@link SalesDesk}, the services behind the till:
 * invoice numbers, stock issues, customer totals and events are the ones a till would make, only dated in the
 * past. The stock the history sells is received first (one receipt per location through the ledger), so the
 * levels end where the opening count left them and never run short; a level the opening count left short is
 * not sold, so it stays short.
 */
@Component
class DemoSales {

    static final int DAYS = 90;
    private static final int RETURNS = 8;
    private static final int RECEIPT_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(DemoSales.class);

    /** A completed sale that may take a return later. */
    private record Sold(UUID saleId, Instant at, UUID sellerId, List<SalesDesk.SoldLine> lines, String method) {
    }

    private final SalesDesk desk;
    private final StockPostings postings;
    private final CatalogItems catalog;
    private final TenantSettingsService settings;
    private final Clock clock;
    private final DemoScope scope;
    private final DemoCash cash;
    private final PostingDates dates;

    DemoSales(SalesDesk desk, StockPostings postings, CatalogItems catalog, TenantSettingsService settings,
              Clock clock, DemoScope scope, DemoCash cash, PostingDates dates) {
        this.desk = desk;
        this.postings = postings;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.scope = scope;
        this.cash = cash;
        this.dates = dates;
    }

    void seed(UUID tenant, DemoUsers users, DemoStock.Stocked stock) {
        long started = System.nanoTime();
        UUID admin = users.admin();
        List<ItemInfo> items = scope.as(tenant, admin, catalog::active).stream()
                .filter(item -> item.salePrice().signum() > 0).toList();
        ZoneId zone = scope.as(tenant, admin, () -> settings.current().zoneId());
        List<UUID> customerIds = scope.as(tenant, admin, () -> DemoCustomers.ALL.stream()
                .map(desk::createCustomer).toList());
        DemoSalesPlan plan = new DemoSalesPlan(stores(users, stock), items.stream()
                .map(i -> new DemoSalesPlan.Item(i.id(), i.sku(), i.unitDecimals())).toList(), customerIds);
        Instant now = clock.instant();
        List<DemoSalesPlan.Sale> planned = plan.sales(now, zone, DAYS);
        scope.run(tenant, admin, () -> {
            dates.postAt(planned.isEmpty() ? now : planned.get(0).at().minus(Duration.ofHours(1)));
            receive(planned, items, stock.onHand());
        });

        List<Sold> sold = new ArrayList<>();
        Map<LocalDate, List<DemoSalesPlan.Sale>> days = new LinkedHashMap<>();
        planned.forEach(sale -> days.computeIfAbsent(sale.at().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(sale));
        // Yesterday's sales at the store go through its cash session; today's session is left open.
        UUID store = stock.locations().get(DemoStock.STORE);
        LocalDate yesterday = now.atZone(zone).toLocalDate().minusDays(1);
        days.forEach((day, sales) -> {
            UUID session = day.equals(yesterday) ? cash.open(tenant, users.sellerOrAdmin(), store, day, zone, now) : null;
            sold.addAll(sellDay(tenant, admin, day, sales, now));
            cash.close(tenant, users.sellerOrAdmin(), session, day, zone);
        });
        int made = sold.size();
        sold.removeIf(Objects::isNull);
        int returned = returns(tenant, sold, plan.random(), now);
        cash.open(tenant, users.sellerOrAdmin(), store, yesterday.plusDays(1), zone, now);
        log.info("Demo sales: {} customers, {} sales over {} days ({} cancelled), {} returns in {} ms",
                customerIds.size(), made, DAYS, made - sold.size(), returned, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A day's sales in one transaction (one commit a day keeps the first start quick), each made as its
     * seller: who sold, cancelled and moved the stock is the seller's name on every row. A failure loses
     * that day, never half of it.
     */
    private List<Sold> sellDay(UUID tenant, UUID admin, LocalDate day, List<DemoSalesPlan.Sale> sales, Instant now) {
        try {
            return scope.as(tenant, admin, () -> {
                List<Sold> sold = new ArrayList<>();
                for (DemoSalesPlan.Sale sale : sales) {
                    dates.postAt(sale.at());
                    sold.add(TenantContext.callAs(new TenantContext.Scope(tenant, sale.sellerId(), null,
                            DemoScope.SOURCE), () -> sell(sale, now)));
                }
                return sold;
            });
        } catch (RuntimeException e) {
            log.warn("Demo sales: the sales of {} could not be made: {}", day, e.getMessage());
            return List.of();
        }
    }

    /** Tienda Centro sells most (its seller first), the warehouse counter some, the workshop a little. */
    private static List<DemoSalesPlan.Store> stores(DemoUsers users, DemoStock.Stocked stock) {
        UUID admin = users.admin();
        UUID manager = users.managerOrAdmin();
        return List.of(
                store(stock, DemoStock.STORE, 0.6, distinct(users.sellerOrAdmin(), manager, admin)),
                store(stock, DemoStock.CENTRAL, 0.3, distinct(manager, admin)),
                store(stock, DemoStock.WORKSHOP, 0.1, distinct(manager, admin)));
    }

    /** Items the opening count left short here are not sold here: they stay short, alerting no one again. */
    private static DemoSalesPlan.Store store(DemoStock.Stocked stock, String name, double share, List<UUID> sellers) {
        UUID location = stock.locations().get(name);
        Set<UUID> shortHere = stock.shortLevels().stream().filter(level -> level.locationId().equals(location))
                .map(DemoStock.Level::itemId).collect(Collectors.toSet());
        return new DemoSalesPlan.Store(location, share, sellers, shortHere);
    }

    /**
     * What the history sells at each location, received before the first sale at the item's cost, plus what a
     * level needs to end above its minimum: the history then crosses no minimum (no low-stock alerts) and
     * leaves every level where it was, or just above its minimum where it had none.
     */
    private void receive(List<DemoSalesPlan.Sale> planned, List<ItemInfo> items, Map<DemoStock.Level, BigDecimal> onHand) {
        Map<UUID, ItemInfo> byId = items.stream().collect(Collectors.toMap(ItemInfo::id, Function.identity()));
        Map<DemoStock.Level, BigDecimal> demand = new LinkedHashMap<>();
        for (DemoSalesPlan.Sale sale : planned) {
            for (DemoSalesPlan.Line line : sale.lines()) {
                demand.merge(new DemoStock.Level(sale.store().locationId(), line.item().id()), line.quantity(),
                        BigDecimal::add);
            }
        }
        List<StockPostings.Line> lines = new ArrayList<>();
        demand.forEach((level, quantity) -> {
            ItemInfo item = byId.get(level.itemId());
            BigDecimal shortOfMinimum = item.minStock().add(BigDecimal.ONE)
                    .subtract(onHand.getOrDefault(level, BigDecimal.ZERO)).max(BigDecimal.ZERO);
            lines.add(StockPostings.Line.in(level.locationId(), level.itemId(), MovementType.RECEIPT,
                    quantity.add(shortOfMinimum), item.costPrice()));
        });
        for (int from = 0; from < lines.size(); from += RECEIPT_BATCH) {
            postings.post(new StockPostings.Posting("receipt", "demo_sales", null, "restock",
                    "Reposición para el historial de ventas de demostración",
                    List.copyOf(lines.subList(from, Math.min(lines.size(), from + RECEIPT_BATCH)))));
        }
    }

    /** One sale, completed and perhaps cancelled; null when it was cancelled. */
    private Sold sell(DemoSalesPlan.Sale sale, Instant now) {
        List<SalesDesk.Line> lines = sale.lines().stream()
                .map(l -> new SalesDesk.Line(l.item().id(), l.quantity(), l.discountPercent())).toList();
        UUID location = sale.store().locationId();
        BigDecimal total = desk.total(location, sale.customerId(), lines);
        SalesDesk.Sold created = desk.sell(location, sale.customerId(), lines, payments(sale, total), sale.at());
        if (sale.cancelAfterMinutes() > 0) {
            Instant at = min(sale.at().plus(Duration.ofMinutes(sale.cancelAfterMinutes())), now);
            desk.cancel(created.saleId(), cancellationReason(sale), at);
            return null;
        }
        return new Sold(created.saleId(), sale.at(), sale.sellerId(), created.lines(), created.paymentMethod());
    }

    private static List<SalesDesk.Payment> payments(DemoSalesPlan.Sale sale, BigDecimal total) {
        return switch (sale.payment()) {
            case "card" -> List.of(new SalesDesk.Payment("card", total, "**** " + (1000 + Math.abs(sale.at().hashCode() % 9000))));
            case "transfer" -> List.of(new SalesDesk.Payment("transfer", total, "TRF-" + sale.at().getEpochSecond()));
            case "mixed" -> mixed(total);
            default -> List.of(new SalesDesk.Payment("cash", tendered(total), null));
        };
    }

    /** Part by card, the rest in cash; a total too small to split is paid in cash. */
    private static List<SalesDesk.Payment> mixed(BigDecimal total) {
        BigDecimal card = total.multiply(new BigDecimal("0.6")).setScale(0, RoundingMode.DOWN);
        if (card.signum() == 0 || card.compareTo(total) >= 0) {
            return List.of(new SalesDesk.Payment("cash", tendered(total), null));
        }
        BigDecimal rest = total.subtract(card);
        return List.of(new SalesDesk.Payment("card", card, null), new SalesDesk.Payment("cash", tendered(rest), null));
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
            SalesDesk.SoldLine first = s.lines().get(0);
            BigDecimal quantity = first.quantity().compareTo(BigDecimal.ONE) > 0 ? BigDecimal.ONE : first.quantity();
            Instant at = min(s.at().plus(Duration.ofHours(24L * (1 + random.nextInt(3)) + random.nextInt(8))), now);
            String method = "mixed".equals(s.method()) || s.method() == null ? "cash" : s.method();
            List<SalesDesk.ReturnLine> lines = List.of(new SalesDesk.ReturnLine(first.id(), quantity, damaged));
            String reason = reasons.get(i % reasons.size());
            try {
                scope.run(tenant, s.sellerId(), () -> desk.returnGoods(s.saleId(), reason, method, lines, at));
                made++;
            } catch (RuntimeException e) {
                log.warn("Demo sales: a return of sale {} could not be made: {}", s.saleId(), e.getMessage());
            }
        }
        return made;
    }

    private static List<UUID> distinct(UUID... users) {
        return List.of(users).stream().distinct().toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
