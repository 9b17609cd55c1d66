package dev.bodega.demo.internal;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.CashDesk;
import dev.bodega.sales.SalesDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tienda Centro's till, as its seller ran it: yesterday's cash session with three cash sales, a cash out, and a
 * close a little short (its Z report), and today's session open. Made after the sales history, so only these
 * sales belong to a session; each sells one unit of an item with stock to spare, so no minimum is crossed.
 */
@Component
class DemoCash {

    private static final Logger log = LoggerFactory.getLogger(DemoCash.class);
    private static final BigDecimal FLOAT = new BigDecimal("200000.00");
    private static final BigDecimal SHORT = new BigDecimal("2000");

    private final CashDesk cash;
    private final SalesDesk desk;
    private final CatalogItems catalog;
    private final TenantSettingsService settings;
    private final Clock clock;
    private final DemoScope scope;

    DemoCash(CashDesk cash, SalesDesk desk, CatalogItems catalog, TenantSettingsService settings, Clock clock,
             DemoScope scope) {
        this.cash = cash;
        this.desk = desk;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.scope = scope;
    }

    void seed(UUID tenant, DemoUsers users, DemoStock.Stocked stock) {
        UUID store = stock.locations().get(DemoStock.STORE);
        List<ItemInfo> spare = scope.as(tenant, users.admin(), catalog::active).stream()
                .filter(i -> i.salePrice().signum() > 0 && i.unitDecimals() == 0)
                .filter(i -> stock.onHand().getOrDefault(new DemoStock.Level(store, i.id()), BigDecimal.ZERO)
                        .compareTo(i.minStock().add(BigDecimal.TEN)) > 0)
                .limit(3).toList();
        try {
            scope.run(tenant, users.sellerOrAdmin(), () -> day(store, spare));
        } catch (RuntimeException e) {
            log.warn("Demo cash sessions could not be made: {}", e.getMessage());
        }
    }

    private void day(UUID store, List<ItemInfo> items) {
        ZoneId zone = settings.current().zoneId();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        UUID yesterday = cash.open(store, FLOAT, null, at(today.minusDays(1), 8, zone));
        for (int i = 0; i < items.size(); i++) {
            List<SalesDesk.Line> lines = List.of(new SalesDesk.Line(items.get(i).id(), BigDecimal.ONE, null));
            desk.sell(store, null, lines, List.of(new SalesDesk.Payment("cash", desk.total(store, null, lines), null)),
                    at(today.minusDays(1), 10 + 3 * i, zone));
        }
        cash.move(yesterday, "out", new BigDecimal("15000.00"), "Compra de bolsas y cinta de empaque",
                at(today.minusDays(1), 12, zone));
        cash.close(yesterday, counts(cash.expectedCash(yesterday).subtract(SHORT)), "Faltante al cierre",
                at(today.minusDays(1), 19, zone));
        Instant opening = at(today, 8, zone);
        cash.open(store, FLOAT, null, opening.isBefore(now) ? opening : now);
    }

    /** The amount in the fewest bills and coins (what is left under the smallest coin is left out). */
    private List<CashDesk.Count> counts(BigDecimal amount) {
        List<CashDesk.Count> counts = new ArrayList<>();
        BigDecimal rest = amount;
        for (BigDecimal denomination : cash.denominations()) {
            int quantity = rest.divideToIntegralValue(denomination).intValue();
            if (quantity > 0) {
                counts.add(new CashDesk.Count(denomination, quantity));
                rest = rest.subtract(denomination.multiply(BigDecimal.valueOf(quantity)));
            }
        }
        return counts;
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }
}
