package dev.bodega.sales.internal.vehicles;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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
 * Vehicle orders (seed 003 order_follow). Each carries {@code trackingPath}, the customer's public page
 * ({@code /track/<token>}); edits carry the order's version: {@code If-Match: "<version>"}.
 */
@RestController
@RequestMapping("/api/v1/vehicle-orders")
@Tag(name = "Vehicle orders")
class VehicleOrdersApiController {

    /** A missing level is no level: the order is looked up first (404), then the move refused (409). */
    record LevelChange(Integer level) {
    }

    private final VehicleOrders orders;
    private final Idempotency idempotency;

    VehicleOrdersApiController(VehicleOrders orders, Idempotency idempotency) {
        this.orders = orders;
        this.idempotency = idempotency;
    }

    @GetMapping
    @RequiresPermission("sales.read")
    @Operation(summary = "Vehicle orders, newest first; level 1 ordered, 2 in transit, 3 delivered; status active or "
            + "cancelled")
    CursorPage<VehicleOrders.Order> list(@RequestParam(required = false) Integer level,
                                         @RequestParam(required = false) String status, PageQuery<UUID> page) {
        return CursorPage.of(orders.list(new VehicleOrders.Filter(level, status), page.cursor(), page.limit() + 1),
                page.limit(), VehicleOrders.Order::id);
    }

    @GetMapping("/{id}")
    @RequiresPermission("sales.read")
    Versioned<VehicleOrders.Order> get(@PathVariable UUID id) {
        return Versioned.of(orders.get(id), VehicleOrders.Order::version);
    }

    @PostMapping
    @RequiresPermission("sales.create")
    @Operation(summary = "Create a vehicle order at level 1 (ordered); takes an Idempotency-Key; 409 "
            + "vehicle-order-number-taken, 422 unknown-vehicle-model")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody VehicleOrders.OrderRequest request) {
        return idempotency.run("sales.vehicle-order", key, request, () -> {
            VehicleOrders.Order created = orders.create(request);
            return ResponseEntity.created(URI.create("/api/v1/vehicle-orders/" + created.id()))
                    .eTag("\"" + created.version() + "\"").body(created);
        });
    }

    @PutMapping("/{id}")
    @RequiresPermission("sales.create")
    @Operation(summary = "Edit a vehicle order's number, model, contact, link and dates (If-Match required)")
    Versioned<VehicleOrders.Order> update(@PathVariable UUID id, @Valid @RequestBody VehicleOrders.OrderRequest request,
                                          IfMatch ifMatch) {
        return Versioned.of(orders.update(id, ifMatch.version(), request), VehicleOrders.Order::version);
    }

    @PostMapping("/{id}/level")
    @RequiresPermission("sales.create")
    @Operation(summary = "Move an active order to the next level (2 in transit, then 3 delivered); going back, "
            + "skipping a level or moving a cancelled order is 409 vehicle-order-transition")
    Versioned<VehicleOrders.Order> moveTo(@PathVariable UUID id, @RequestBody LevelChange change) {
        return Versioned.of(orders.moveTo(id, change.level() == null ? 0 : change.level()), VehicleOrders.Order::version);
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("sales.create")
    @Operation(summary = "Cancel an order not yet delivered; 409 vehicle-order-transition otherwise")
    Versioned<VehicleOrders.Order> cancel(@PathVariable UUID id) {
        return Versioned.of(orders.cancel(id), VehicleOrders.Order::version);
    }
}
