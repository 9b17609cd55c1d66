package dev.bodega.demo.internal;

import dev.bodega.sales.CashDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tienda Centro's till, as its seller runs it: yesterday's cash session holds the store's sales of that day (opened
 * before them, closed after them with a cash out and a count a little short: its Z report), and today's session is
 * open. A failure leaves the history without sessions, never without sales.
 */
@Component
class DemoCash {

    private static final Logger log = LoggerFactory.getLogger(DemoCash.class);
    private static final BigDecimal FLOAT = new BigDecimal("200000.00");
    private static final BigDecimal SHORT = new BigDecimal("2000");

    private final CashDesk cash;
    private final DemoScope scope;

    DemoCash(CashDesk cash, DemoScope scope) {
        this.cash = cash;
        this.scope = scope;
    }

    /** A session opened at 7:00 of {@code day} (or {@code now}, if earlier); null when it could not be. */
    UUID open(UUID tenant, UUID seller, UUID store, LocalDate day, ZoneId zone, Instant now) {
        Instant opening = at(day, 7, zone);
        try {
            return scope.as(tenant, seller, () -> cash.open(store, FLOAT, null, opening.isBefore(now) ? opening : now));
        } catch (RuntimeException e) {
            log.warn("Demo cash: no session opened on {}: {}", day, e.getMessage());
            return null;
        }
    }

    /** The day's close: a cash out at noon, then the count, 2,000 short, at 22:00. */
    void close(UUID tenant, UUID seller, UUID session, LocalDate day, ZoneId zone) {
        if (session == null) {
            return;
        }
        try {
            scope.run(tenant, seller, () -> {
                cash.move(session, "out", new BigDecimal("15000.00"), "Compra de bolsas y cinta de empaque",
                        at(day, 12, zone));
                cash.close(session, counts(cash.expectedCash(session).subtract(SHORT)), "Faltante al cierre",
                        at(day, 22, zone));
            });
        } catch (RuntimeException e) {
            log.warn("Demo cash: the session of {} was not closed: {}", day, e.getMessage());
        }
    }

    /** The amount in the fewest bills and coins (what is left under the smallest coin is left out). */
    private List<CashDesk.Count> counts(BigDecimal amount) {
        List<CashDesk.Count> counts = new ArrayList<>();
        BigDecimal rest = amount;
        for (BigDecimal denomination : cash.denominations()) {
            int quantity = rest.max(BigDecimal.ZERO).divideToIntegralValue(denomination).intValue();
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
