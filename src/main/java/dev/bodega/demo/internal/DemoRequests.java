package dev.bodega.demo.internal;

import dev.bodega.inventory.TransferRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Transfer requests in every state: the workshop's technician asks the central warehouse for parts and the
 * manager picks and dispatches; one arrived a part short (the shortage on the ledger as an adjustment), one is
 * on the road, one being picked, one waiting, and the store's seller cancelled one.
 */
@Component
class DemoRequests {

    /**
     * Parts asked for: whole units, plenty at the warehouse (two of at least ten leave it above its minimum,
     * which the opening count put at two thirds of the stock at most), already stocked at the workshop (so what
     * arrives raises a level rather than starting one below its minimum).
     */
    private static final int PARTS = 8;
    private static final BigDecimal PLENTY = BigDecimal.TEN;
    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

    private final TransferRequests requests;
    private final DemoScope scope;

    DemoRequests(TransferRequests requests, DemoScope scope) {
        this.requests = requests;
        this.scope = scope;
    }

    void seed(UUID tenant, DemoUsers users, DemoStock.Stocked stocked) {
        UUID central = stocked.locations().get(DemoStock.CENTRAL);
        UUID workshop = stocked.locations().get(DemoStock.WORKSHOP);
        List<UUID> parts = stocked.onHand().entrySet().stream()
                .filter(e -> e.getKey().locationId().equals(central) && e.getValue().compareTo(PLENTY) >= 0
                        && e.getValue().stripTrailingZeros().scale() <= 0 && !stocked.shortLevels().contains(e.getKey()))
                .map(e -> e.getKey().itemId())
                .filter(item -> stockedAt(stocked, workshop, item))
                .limit(PARTS).toList();
        if (parts.size() < PARTS) {
            log.warn("Demo requests: too few parts in stock at the warehouse");
            return;
        }
        UUID technician = users.technician() == null ? users.admin() : users.technician();
        UUID manager = users.managerOrAdmin();

        UUID received = ask(tenant, technician, central, workshop, parts.subList(0, 2), "Orden de trabajo 1042");
        pickAndDispatch(tenant, manager, received, "TCC-558120");
        scope.run(tenant, technician, () -> requests.receive(received, Map.of(parts.get(1), BigDecimal.ONE),
                Map.of(parts.get(1), "Una unidad llegó golpeada y se devolvió al transportador"), "Recibido en el taller"));

        UUID onTheRoad = ask(tenant, technician, central, workshop, parts.subList(2, 4), "Mantenimiento preventivo");
        pickAndDispatch(tenant, manager, onTheRoad, "SERVIENTREGA-99213");

        UUID picking = ask(tenant, technician, central, workshop, parts.subList(4, 6), null);
        scope.run(tenant, manager, () -> {
            requests.startPicking(picking, "Se alista en la mañana");
            requests.recordPicking(picking, Map.of());
        });

        ask(tenant, technician, central, workshop, parts.subList(6, 7), "Cliente espera el repuesto");

        UUID store = stocked.locations().get(DemoStock.STORE);
        UUID seller = users.sellerOrAdmin();
        UUID cancelled = ask(tenant, seller, central, store, parts.subList(7, 8), null);
        scope.run(tenant, seller, () -> requests.cancel(cancelled, "Se consiguió en la tienda"));
        log.info("Demo requests: five, one in each state");
    }

    private static boolean stockedAt(DemoStock.Stocked stocked, UUID location, UUID item) {
        DemoStock.Level level = new DemoStock.Level(location, item);
        return stocked.onHand().containsKey(level) && !stocked.shortLevels().contains(level);
    }

    private UUID ask(UUID tenant, UUID user, UUID origin, UUID destination, List<UUID> items, String notes) {
        Map<UUID, BigDecimal> quantities = new LinkedHashMap<>();
        items.forEach(item -> quantities.put(item, new BigDecimal("2")));
        return scope.as(tenant, user, () -> requests.request(origin, destination, notes, quantities));
    }

    private void pickAndDispatch(UUID tenant, UUID manager, UUID request, String guide) {
        scope.run(tenant, manager, () -> requests.startPicking(request, null));
        scope.run(tenant, manager, () -> requests.recordPicking(request, Map.of()));
        scope.run(tenant, manager, () -> requests.dispatch(request, guide, null));
    }
}
