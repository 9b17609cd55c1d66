package dev.bodega.demo.internal;

import dev.bodega.platform.TenantSettingsService;
import dev.bodega.purchasing.SupplierOrdering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo company's purchases over the last 90 days: thirteen supplier orders to the demo suppliers for their
 * own items, received into the central warehouse — most fully (some in two deliveries, some late), two
 * partially, one sent, one draft, one cancelled — so the orders list and the lead times show something real.
 * Placed by the manager through {@link SupplierOrdering}. Deliveries post real stock through the ledger; their
 * ledger rows carry the time of the seeding, the deliveries their demo dates.
 */
@Component
class DemoPurchases {

    private static final Logger log = LoggerFactory.getLogger(DemoPurchases.class);
    /** A buyer orders at most this many of a supplier's items, its preferred ones first. */
    private static final int ORDERABLE = 12;

    /** What happens to one order: when it was placed, its promised lead time, and its deliveries (days after). */
    private record Plan(int daysAgo, int leadDays, Kind kind, int... deliveryDays) {
    }

    private enum Kind { RECEIVED, PARTIAL, SENT, DRAFT, CANCELLED }

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

    private final SupplierOrdering orders;
    private final TenantSettingsService settings;
    private final DemoScope scope;

    DemoPurchases(SupplierOrdering orders, TenantSettingsService settings, DemoScope scope) {
        this.orders = orders;
        this.settings = settings;
        this.scope = scope;
    }

    void seed(UUID tenant, DemoUsers users, List<DemoCatalog.Supplier> suppliers, UUID central) {
        UUID buyer = users.managerOrAdmin();
        ZoneId zone = scope.as(tenant, buyer, () -> settings.current().zoneId());
        for (int i = 0; i < PLANS.size(); i++) {
            DemoCatalog.Supplier supplier = suppliers.get(i % suppliers.size());
            List<DemoCatalog.Offer> offers = supplier.offers().subList(0, Math.min(ORDERABLE, supplier.offers().size()));
            place(tenant, buyer, zone, PLANS.get(i), i, supplier.id(), central, offers);
        }
        log.info("Demo purchases: {} supplier orders", PLANS.size());
    }

    private void place(UUID tenant, UUID buyer, ZoneId zone, Plan plan, int index, UUID supplier, UUID location,
                       List<DemoCatalog.Offer> offers) {
        LocalDate ordered = LocalDate.now(zone).minusDays(plan.daysAgo());
        List<SupplierOrdering.Line> lines = new ArrayList<>();
        for (int k = 0; k < Math.min(3, offers.size()); k++) {
            DemoCatalog.Offer offer = offers.get((index + k) % offers.size());
            if (lines.stream().noneMatch(l -> l.itemId().equals(offer.itemId()))) {
                lines.add(new SupplierOrdering.Line(offer.itemId(), BigDecimal.valueOf(12 + (index * 7 + k * 5) % 30),
                        offer.price()));
            }
        }
        UUID id = scope.as(tenant, buyer, () -> orders.createDraft(supplier, location, ordered,
                ordered.plusDays(plan.leadDays()), "Pedido de demostración", lines));
        if (plan.kind() == Kind.DRAFT) {
            return;
        }
        scope.run(tenant, buyer, () -> orders.send(id, at(ordered, 0, 10, zone)));
        if (plan.kind() == Kind.CANCELLED) {
            scope.run(tenant, buyer, () -> orders.cancel(id, "El proveedor no tiene existencias",
                    at(ordered, plan.deliveryDays()[0], 11, zone)));
            return;
        }
        int[] days = plan.deliveryDays();
        for (int d = 0; d < days.length; d++) {
            boolean last = d == days.length - 1;
            // Two deliveries split each line 60/40; a partial order receives half of each line once.
            double share = plan.kind() == Kind.PARTIAL ? 0.5 : days.length == 1 || last ? 1.0 : 0.6;
            Instant when = at(ordered, days[d], 15, zone);
            scope.run(tenant, buyer, () -> orders.receive(id, "Remisión de demostración", delivery(id, share), when));
        }
    }

    /** {@code share} of each line's ordered quantity (all that is outstanding when the share is 1). */
    private List<SupplierOrdering.Delivered> delivery(UUID orderId, double share) {
        return orders.lines(orderId).stream()
                .map(l -> new SupplierOrdering.Delivered(l.id(), share >= 1.0 ? l.outstanding()
                        : l.quantity().multiply(BigDecimal.valueOf(share)).setScale(0, RoundingMode.DOWN)))
                .filter(l -> l.quantity().signum() > 0)
                .toList();
    }

    private static Instant at(LocalDate day, int plusDays, int hour, ZoneId zone) {
        return day.plusDays(plusDays).atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
    }
}
