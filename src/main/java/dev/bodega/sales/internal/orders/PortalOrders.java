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
    private final OrderQueries queries;

    PortalOrders(CustomerOrders orders, OrderQueries queries) {
        this.orders = orders;
        this.queries = queries;
    }

    OrderView create(CustomerOrders.OrderRequest request) {
        return orders.create(organization(), request);
    }

    OrderView update(UUID id, Long version, CustomerOrders.OrderRequest request) {
        found(id);
        return orders.update(id, version, request);
    }

    OrderView addLine(UUID id, Long version, CustomerOrders.LineRequest line) {
        found(id);
        return orders.addLine(id, version, line);
    }

    OrderView removeLine(UUID id, Long version, UUID itemId) {
        found(id);
        return orders.removeLine(id, version, itemId);
    }

    OrderView submit(UUID id, Long version) {
        found(id);
        return orders.submit(id, version);
    }

    OrderView cancel(UUID id, Long version, CustomerOrders.Cancellation cancellation) {
        found(id);
        return orders.cancel(id, version, cancellation);
    }

    /** Another organization's (or company's) order is not found before the staff are refused: a 404, not a 403. */
    private void found(UUID id) {
        queries.get(id);
        organization();
    }

    /** The signed-in partner user's organization. */
    static UUID organization() {
        return Actor.current().map(Actor::organizationId).orElseThrow(() -> Problems.of(SalesProblem.PARTNER_ONLY,
                "Orders are placed through the portal by a partner organization's users"));
    }
}
