package dev.bodega.sales.internal.orders;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import dev.bodega.sales.internal.orders.OrderViews.OrderSummary;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The partner's side of customer orders: its organization's orders only (row-level security answers 404 for
 * another's), drafted, edited, submitted and cancelled by its users. Changes carry {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/portal/orders")
@Tag(name = "Portal: my orders")
class PortalOrdersApiController {

    private final OrderQueries queries;
    private final PortalOrders orders;
    private final Idempotency idempotency;

    PortalOrdersApiController(OrderQueries queries, PortalOrders orders, Idempotency idempotency) {
        this.queries = queries;
        this.orders = orders;
        this.idempotency = idempotency;
    }

    @GetMapping
    @RequiresPermission("portal.orders")
    @Operation(summary = "My organization's orders, newest first")
    CursorPage<OrderSummary> list(@RequestParam(required = false) String status, PageQuery<UUID> page) {
        return CursorPage.of(queries.list(status, null, page.cursor(), page.limit() + 1), page.limit(),
                OrderSummary::id);
    }

    @GetMapping("/{id}")
    @RequiresPermission("portal.orders")
    Versioned<OrderView> get(@PathVariable UUID id) {
        return Versioned.of(queries.get(id), OrderView::version);
    }

    @PostMapping
    @RequiresPermission("portal.orders")
    @Operation(summary = "A draft order for one of my organization's warehouses; takes an Idempotency-Key; 403 "
            + "partner-only for the company's staff, 422 order-destination")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody CustomerOrders.OrderRequest request) {
        return idempotency.run("sales.customer-order", key, request, () -> {
            OrderView created = orders.create(request);
            return ResponseEntity.created(URI.create("/api/v1/portal/orders/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    @RequiresPermission("portal.orders")
    @Operation(summary = "Replace a draft's destination, expected delivery, notes and lines (If-Match); 409 "
            + "order-not-draft once submitted")
    Versioned<OrderView> update(@PathVariable UUID id, @Valid @RequestBody CustomerOrders.OrderRequest request,
                                IfMatch ifMatch) {
        return Versioned.of(orders.update(id, ifMatch.version(), request), OrderView::version);
    }

    @PostMapping("/{id}/submit")
    @RequiresPermission("portal.orders")
    @Operation(summary = "Submit a draft to the company (If-Match); 422 order-empty without lines")
    Versioned<OrderView> submit(@PathVariable UUID id, IfMatch ifMatch) {
        return Versioned.of(orders.submit(id, ifMatch.version()), OrderView::version);
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("portal.orders")
    @Operation(summary = "Cancel a draft or submitted order (If-Match), with an optional reason")
    Versioned<OrderView> cancel(@PathVariable UUID id, @Valid @RequestBody(required = false)
                                CustomerOrders.Cancellation cancellation, IfMatch ifMatch) {
        return Versioned.of(orders.cancel(id, ifMatch.version(),
                cancellation == null ? new CustomerOrders.Cancellation(null) : cancellation), OrderView::version);
    }
}
