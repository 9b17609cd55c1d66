package dev.bodega.demo.internal;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.sales.CustomerOrderDesk;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 004's customer orders: for each customer organization, orders in every state the staff see in their inbox
 * (submitted, approved, partly and fully shipped, delivered, rejected) and a draft. Entered by the admin on the
 * customers' behalf (the partners' own users are another step's), so the manager hears of each one submitted;
 * shipped from the central warehouse's best-stocked items.
 */
@Component
class DemoOrders {

    private final CustomerOrderDesk orders;
    private final InventorySetup inventory;
    private final DemoScope scope;

    DemoOrders(CustomerOrderDesk orders, InventorySetup inventory, DemoScope scope) {
        this.orders = orders;
        this.inventory = inventory;
        this.scope = scope;
    }

    void seed(UUID tenantId, DemoUsers users, DemoStock.Stocked stocked) {
        UUID central = stocked.locations().get(DemoStock.CENTRAL);
        List<UUID> items = stocked.onHand().entrySet().stream()
                .filter(e -> e.getKey().locationId().equals(central) && e.getValue().compareTo(BigDecimal.valueOf(30)) >= 0)
                .sorted(Map.Entry.<DemoStock.Level, BigDecimal>comparingByValue(Comparator.reverseOrder()))
                .map(e -> e.getKey().itemId()).limit(3).toList();
        if (items.size() < 3) {
            return;
        }
        scope.run(tenantId, users.admin(), () -> {
            LocalDate soon = LocalDate.now().plusDays(10);
            for (CustomerOrderDesk.CustomerWarehouse customer : orders.customerWarehouses()) {
                UUID org = customer.organizationId();
                UUID to = customer.warehouseId();
                // A partner's minimums come from its own usage later; until then its first parts raise no alert.
                items.forEach(item -> inventory.setMinimum(to, item, BigDecimal.ZERO));
                List<CustomerOrderDesk.Line> lines = List.of(line(items.get(0), 2), line(items.get(1), 1));
                UUID delivered = sent(org, to, soon, lines);
                orders.approve(delivered);
                orders.ship(delivered, central, Map.of());
                orders.deliver(delivered);
                UUID partly = sent(org, to, soon, List.of(line(items.get(2), 3), line(items.get(0), 1)));
                orders.approve(partly);
                orders.ship(partly, central, Map.of(items.get(2), BigDecimal.ONE));
                orders.approve(sent(org, to, soon, List.of(line(items.get(1), 2))));
                orders.reject(sent(org, to, soon, List.of(line(items.get(2), 40))),
                        "Cantidad mayor a la que se despacha por pedido");
                sent(org, to, soon.plusDays(5), lines);
                orders.draft(org, to, null, List.of(line(items.get(0), 1)));
            }
        });
    }

    private UUID sent(UUID organization, UUID destination, LocalDate eta, List<CustomerOrderDesk.Line> lines) {
        UUID id = orders.draft(organization, destination, eta, lines);
        orders.submit(id);
        return id;
    }

    private static CustomerOrderDesk.Line line(UUID item, int quantity) {
        return new CustomerOrderDesk.Line(item, BigDecimal.valueOf(quantity));
    }
}
