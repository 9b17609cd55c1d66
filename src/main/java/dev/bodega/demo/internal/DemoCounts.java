package dev.bodega.demo.internal;

import dev.bodega.inventory.StockCounts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A count in progress at the workshop, opened by the technician: the first levels of the shelf counted, one of
 * them a unit short and one with loose units, the rest still to count. Nothing is posted until someone closes it.
 */
@Component
class DemoCounts {

    private static final int COUNTED = 4;

    private final StockCounts counts;
    private final DemoScope scope;

    DemoCounts(StockCounts counts, DemoScope scope) {
        this.counts = counts;
        this.scope = scope;
    }

    void seed(UUID tenant, DemoUsers users, DemoStock.Stocked stocked) {
        UUID workshop = stocked.locations().get(DemoStock.WORKSHOP);
        UUID counter = users.technician() != null ? users.technician() : users.managerOrAdmin();
        List<Map.Entry<DemoStock.Level, BigDecimal>> shelf = stocked.onHand().entrySet().stream()
                .filter(e -> e.getKey().locationId().equals(workshop) && e.getValue().scale() == 0
                        && e.getValue().compareTo(BigDecimal.ONE) > 0)
                .limit(COUNTED).toList();
        scope.run(tenant, counter, () -> {
            UUID count = counts.open(new StockCounts.NewCount(workshop, "full", null, null, null, BigDecimal.ONE,
                    "Conteo de fin de mes del taller"));
            for (int i = 0; i < shelf.size(); i++) {
                BigDecimal found = i == 1 ? shelf.get(i).getValue().subtract(BigDecimal.ONE) : shelf.get(i).getValue();
                BigDecimal loose = i == 2 ? BigDecimal.ONE : BigDecimal.ZERO;
                counts.count(count, shelf.get(i).getKey().itemId(), found.add(loose), loose);
            }
        });
    }
}
