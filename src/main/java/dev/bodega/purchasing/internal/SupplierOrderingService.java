package dev.bodega.purchasing.internal;

import dev.bodega.purchasing.SupplierOrdering;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@link SupplierOrdering} on the services behind the API: {@link SupplierOrders} and {@link Receiving}. */
@Service
class SupplierOrderingService implements SupplierOrdering {

    private final SupplierOrders orders;
    private final Receiving receiving;

    SupplierOrderingService(SupplierOrders orders, Receiving receiving) {
        this.orders = orders;
        this.receiving = receiving;
    }

    @Override
    public UUID createDraft(UUID supplierId, UUID locationId, LocalDate orderDate, LocalDate expectedDate, String notes,
                            List<Line> lines) {
        return orders.create(new SupplierOrders.OrderRequest(supplierId, locationId, orderDate, expectedDate, notes,
                lines.stream().map(l -> new SupplierOrders.LineRequest(l.itemId(), l.quantity(), l.unitCost()))
                        .toList())).id();
    }

    @Override
    public void send(UUID orderId, Instant at) {
        orders.send(orderId, at);
    }

    @Override
    public void cancel(UUID orderId, String reason, Instant at) {
        orders.cancel(orderId, new SupplierOrders.Cancellation(reason), at);
    }

    @Override
    public List<OrderLine> lines(UUID orderId) {
        return orders.lines(orderId).stream()
                .map(l -> new OrderLine(l.id(), l.quantity(), l.outstandingQuantity())).toList();
    }

    @Override
    public UUID receive(UUID orderId, String note, List<Delivered> lines, Instant at) {
        return receiving.receive(orderId, new Receiving.ReceiptRequest(null, note, false, lines.stream()
                .map(l -> new Receiving.ReceiptLineRequest(l.orderLineId(), l.quantity())).toList()), at).id();
    }
}
