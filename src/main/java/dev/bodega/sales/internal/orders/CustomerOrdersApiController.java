package dev.bodega.sales.internal.orders;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import dev.bodega.sales.internal.orders.OrderViews.OrderSummary;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The staff's side of customer orders (seed 004): the inbox, approval or rejection, shipments and delivery.
 * Every change carries the order's version ({@code If-Match: "<version>"}); a move its state does not allow, or
 * one another user made first, is 409 {@code order-transition}.
 */
@RestController
@RequestMapping("/api/v1/customer-orders")
@Tag(name = "Customer orders")
class CustomerOrdersApiController {

    private final OrderQueries queries;
    private final CustomerOrders orders;
    private final OrderShipping shipping;

    CustomerOrdersApiController(OrderQueries queries, CustomerOrders orders, OrderShipping shipping) {
        this.queries = queries;
        this.orders = orders;
        this.shipping = shipping;
    }

    @GetMapping
    @RequiresPermission("orders.read")
    @Operation(summary = "Customer orders, newest first; status draft, submitted, approved, partially_shipped, "
            + "shipped, delivered, cancelled or rejected")
    CursorPage<OrderSummary> list(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) UUID organizationId, PageQuery<UUID> page) {
        return CursorPage.of(queries.list(status, organizationId, page.cursor(), page.limit() + 1), page.limit(),
                OrderSummary::id);
    }

    @GetMapping("/{id}")
    @RequiresPermission("orders.read")
    @Operation(summary = "One order with its lines (ordered, shipped, remaining), history and shipments")
    Versioned<OrderView> get(@PathVariable UUID id) {
        return Versioned.of(queries.get(id), OrderView::version);
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission("orders.approve")
    @Operation(summary = "Approve a submitted order (If-Match), optionally promising a delivery date; of two "
            + "concurrent approvals one wins, the other is 409")
    Versioned<OrderView> approve(@PathVariable UUID id, @Valid @RequestBody(required = false)
                                 CustomerOrders.Approval approval, IfMatch ifMatch) {
        return Versioned.of(orders.approve(id, ifMatch.version(),
                approval == null ? new CustomerOrders.Approval(null) : approval), OrderView::version);
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission("orders.approve")
    @Operation(summary = "Reject a submitted order with a reason (If-Match)")
    Versioned<OrderView> reject(@PathVariable UUID id, @Valid @RequestBody CustomerOrders.Rejection rejection,
                                IfMatch ifMatch) {
        return Versioned.of(orders.reject(id, ifMatch.version(), rejection), OrderView::version);
    }

    @PostMapping("/{id}/shipments")
    @RequiresPermission("orders.ship")
    @Operation(summary = "Ship all (no lines) or part of what remains from one of the company's locations "
            + "(If-Match): invoiced as a sale to the organization, received into the order's warehouse; 409 "
            + "shipment-exceeds-order, insufficient-stock; 202 when an approval rule holds the shipment back (it "
            + "waits in /api/v1/approvals, pending, its quantities set aside)")
    ResponseEntity<Versioned<OrderView>> ship(@PathVariable UUID id,
                                              @Valid @RequestBody OrderShipping.ShipmentRequest request,
                                              IfMatch ifMatch) {
        OrderShipping.Shipped shipped = shipping.ship(id, ifMatch.version(), request);
        return ResponseEntity.status(shipped.waiting() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(Versioned.of(shipped.order(), OrderView::version));
    }

    @PostMapping("/{id}/deliver")
    @RequiresPermission("orders.ship")
    @Operation(summary = "Mark a shipped order delivered (If-Match)")
    Versioned<OrderView> deliver(@PathVariable UUID id, IfMatch ifMatch) {
        return Versioned.of(orders.deliver(id, ifMatch.version()), OrderView::version);
    }
}
