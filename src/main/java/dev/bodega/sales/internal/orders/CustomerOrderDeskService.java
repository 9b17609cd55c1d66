package dev.bodega.sales.internal.orders;

import dev.bodega.sales.CustomerOrderDesk;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link CustomerOrderDesk} on the services behind the pages; each change at the order's current version. */
@Service
class CustomerOrderDeskService implements CustomerOrderDesk {

    private final OrderQueries queries;
    private final CustomerOrders orders;
    private final OrderShipping shipping;

    CustomerOrderDeskService(OrderQueries queries, CustomerOrders orders, OrderShipping shipping) {
        this.queries = queries;
        this.orders = orders;
        this.shipping = shipping;
    }

    @Override
    public List<CustomerWarehouse> customerWarehouses() {
        return queries.partners().stream().filter(p -> !p.warehouses().isEmpty())
                .map(p -> new CustomerWarehouse(p.id(), p.name(), p.warehouses().get(0).id())).toList();
    }

    @Override
    public UUID draft(UUID organizationId, UUID destinationId, LocalDate expectedDelivery, List<Line> lines) {
        return orders.create(organizationId, new CustomerOrders.OrderRequest(destinationId, expectedDelivery, null,
                lines.stream().map(l -> new CustomerOrders.LineRequest(l.itemId(), l.quantity())).toList())).id();
    }

    @Override
    public void submit(UUID orderId) {
        orders.submit(orderId, version(orderId));
    }

    @Override
    public void approve(UUID orderId) {
        orders.approve(orderId, version(orderId), new CustomerOrders.Approval(null));
    }

    @Override
    public void reject(UUID orderId, String reason) {
        orders.reject(orderId, version(orderId), new CustomerOrders.Rejection(reason));
    }

    @Override
    public void ship(UUID orderId, UUID fromLocationId, Map<UUID, BigDecimal> quantities) {
        List<OrderShipping.ShipLine> lines = queries.items(orderId).stream()
                .filter(i -> quantities.containsKey(i.itemId()))
                .map(i -> new OrderShipping.ShipLine(i.id(), quantities.get(i.itemId()))).toList();
        shipping.ship(orderId, version(orderId), new OrderShipping.ShipmentRequest(fromLocationId, lines));
    }

    @Override
    public void deliver(UUID orderId) {
        orders.deliver(orderId, version(orderId));
    }

    private long version(UUID orderId) {
        return queries.get(orderId).version();
    }
}
