package dev.bodega.sales.internal.orders;

import dev.bodega.platform.Actor;
import dev.bodega.platform.Problems;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * What a partner user does with its organization's orders: the signed-in user's organization is the one that
 * orders, and row-level security keeps every other organization's orders out of reach. The company's staff (an
 * admin holds the portal's permissions too) read the portal but do not order through it.
 */
@Service
class PortalOrders {

    private final CustomerOrders orders;

    PortalOrders(CustomerOrders orders) {
        this.orders = orders;
    }

    OrderView create(CustomerOrders.OrderRequest request) {
        return orders.create(organization(), request);
    }

    OrderView update(UUID id, Long version, CustomerOrders.OrderRequest request) {
        organization();
        return orders.update(id, version, request);
    }

    OrderView addLine(UUID id, Long version, CustomerOrders.LineRequest line) {
        organization();
        return orders.addLine(id, version, line);
    }

    OrderView removeLine(UUID id, Long version, UUID itemId) {
        organization();
        return orders.removeLine(id, version, itemId);
    }

    OrderView submit(UUID id, Long version) {
        organization();
        return orders.submit(id, version);
    }

    OrderView cancel(UUID id, Long version, CustomerOrders.Cancellation cancellation) {
        organization();
        return orders.cancel(id, version, cancellation);
    }

    /** The signed-in partner user's organization. */
    static UUID organization() {
        return Actor.current().map(Actor::organizationId).orElseThrow(() -> Problems.of(SalesProblem.PARTNER_ONLY,
                "Orders are placed through the portal by a partner organization's users"));
    }
}
