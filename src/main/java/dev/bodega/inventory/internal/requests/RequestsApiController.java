package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The request cart and transfer requests (seed 003 carrito_solicitudes, solicitudes): every change of state is
 * a POST that answers the request as it now is, or a 409 problem when its state does not allow it.
 */
@RestController
@Tag(name = "Transfer requests")
class RequestsApiController {

    record CartLine(@NotNull UUID destinationId, @NotNull UUID itemId, @NotNull @Positive BigDecimal quantity) {
    }

    record NewLine(@NotNull UUID itemId, @NotNull @Positive BigDecimal quantity, @Size(max = 500) String note) {
    }

    /** Without {@code lines}, the request is made of the caller's cart for that destination. */
    record NewRequest(@NotNull UUID originId, @NotNull UUID destinationId, @Size(max = 1000) String notes,
                      @Size(max = 500) List<@Valid @NotNull NewLine> lines) {
    }

    record Comment(@Size(max = 500) String comment) {
    }

    record CountLine(@NotNull UUID itemId, @NotNull @PositiveOrZero BigDecimal quantity, @Size(max = 500) String reason) {
    }

    record Picking(@Size(max = 500) List<@Valid @NotNull CountLine> lines) {
    }

    /** {@code lines} only where the dispatched quantity differs from the picked one. */
    record Dispatch(@Size(max = 100) String transportGuide, @Size(max = 500) String comment,
                    @Size(max = 500) List<@Valid @NotNull CountLine> lines) {
    }

    /** {@code lines} where the received quantity differs from the dispatched one, each with its reason. */
    record Receipt(@Size(max = 500) String comment, @Size(max = 500) List<@Valid @NotNull CountLine> lines) {
    }

    private final RequestFlow flow;
    private final RequestQueries queries;
    private final RequestCart cart;
    private final Idempotency idempotency;

    RequestsApiController(RequestFlow flow, RequestQueries queries, RequestCart cart, Idempotency idempotency) {
        this.flow = flow;
        this.queries = queries;
        this.cart = cart;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/v1/request-cart")
    @RequiresPermission("requests.create")
    @Operation(summary = "The caller's request cart: items wanted at each destination")
    List<RequestCart.CartItem> cart() {
        return cart.items();
    }

    @PostMapping("/api/v1/request-cart/items")
    @RequiresPermission("requests.create")
    @Operation(summary = "Add an item to the cart for a destination the caller works at (quantities add up)")
    List<RequestCart.CartItem> addToCart(@Valid @RequestBody CartLine line) {
        cart.add(line.destinationId(), line.itemId(), line.quantity());
        return cart.items();
    }

    @DeleteMapping("/api/v1/request-cart/items/{id}")
    @RequiresPermission("requests.create")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take an item out of the cart")
    void removeFromCart(@PathVariable UUID id) {
        cart.remove(id);
    }

    @PostMapping("/api/v1/transfer-requests")
    @RequiresPermission("requests.create")
    @Operation(summary = "Request stock from an origin for a destination the caller works at: the given lines, "
            + "or the cart's lines for that destination (which then leave the cart). Accepts an Idempotency-Key")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody NewRequest request) {
        return idempotency.run("requests.create", key, request, () -> {
            UUID id = request.lines() == null
                    ? cart.order(request.originId(), request.destinationId(), request.notes())
                    : flow.create(new RequestFlow.NewRequest(request.originId(), request.destinationId(), request.notes(),
                    request.lines().stream().map(l -> new RequestFlow.NewLine(l.itemId(), l.quantity(), l.note())).toList()));
            return ResponseEntity.created(URI.create("/api/v1/transfer-requests/" + id)).body(queries.detail(id));
        });
    }

    @GetMapping("/api/v1/transfer-requests")
    @RequiresPermission("requests.view")
    @Operation(summary = "Requests whose origin or destination is one of the caller's locations, newest first; "
            + "filter by status (PENDIENTE, ALISTAMIENTO, DESPACHADO, RECIBIDO, CANCELADO), origin and destination")
    CursorPage<RequestQueries.RequestView> list(@RequestParam(required = false) String status,
                                                @RequestParam(required = false) UUID originId,
                                                @RequestParam(required = false) UUID destinationId,
                                                PageQuery<UUID> page) {
        if (status != null && !RequestStatus.isCode(status)) {
            throw Problems.of(InventoryProblem.UNKNOWN_STATUS, "Unknown request status " + status);
        }
        return queries.list(new RequestQueries.Filter(status, originId, destinationId), page.cursor(), page.limit());
    }

    @GetMapping("/api/v1/transfer-requests/{id}")
    @RequiresPermission("requests.view")
    @Operation(summary = "One request with its lines (requested, picked, dispatched, received) and its trace")
    RequestQueries.RequestView get(@PathVariable UUID id) {
        return queries.detail(id);
    }

    @PostMapping("/api/v1/transfer-requests/{id}/start-picking")
    @RequiresPermission("requests.approve")
    @Operation(summary = "PENDIENTE → ALISTAMIENTO, by a user of the origin")
    RequestQueries.RequestView startPicking(@PathVariable UUID id, @Valid @RequestBody(required = false) Comment comment) {
        flow.startPicking(id, comment == null ? null : comment.comment());
        return queries.detail(id);
    }

    @PostMapping("/api/v1/transfer-requests/{id}/picking")
    @RequiresPermission("requests.dispatch")
    @Operation(summary = "Record the picked quantities (lines not named: as requested); the request stays in ALISTAMIENTO")
    RequestQueries.RequestView picking(@PathVariable UUID id, @Valid @RequestBody(required = false) Picking picking) {
        flow.recordPicking(id, counts(picking == null ? null : picking.lines()));
        return queries.detail(id);
    }

    @PostMapping("/api/v1/transfer-requests/{id}/dispatch")
    @RequiresPermission("requests.dispatch")
    @Operation(summary = "ALISTAMIENTO → DESPACHADO: the goods leave the origin for transit in one posting; 202 "
            + "when an approval rule holds it back (the request waits in ALISTAMIENTO). Accepts an Idempotency-Key")
    ResponseEntity<?> dispatch(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                               @PathVariable UUID id, @Valid @RequestBody(required = false) Dispatch dispatch) {
        Dispatch body = dispatch == null ? new Dispatch(null, null, null) : dispatch;
        return idempotency.run("requests.dispatch", key, new Keyed(id, body), () -> {
            boolean waits = flow.dispatch(id, body.transportGuide(), counts(body.lines()), body.comment());
            return ResponseEntity.status(waits ? HttpStatus.ACCEPTED : HttpStatus.OK).body(queries.detail(id));
        });
    }

    @PostMapping("/api/v1/transfer-requests/{id}/receive")
    @RequiresPermission("requests.receive")
    @Operation(summary = "DESPACHADO → RECIBIDO at the destination; a received quantity other than the dispatched "
            + "one needs a reason and is adjusted (approval threshold applies); 202 when an approval rule holds the "
            + "receipt back (the request waits in DESPACHADO). Accepts an Idempotency-Key")
    ResponseEntity<?> receive(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                              @PathVariable UUID id, @Valid @RequestBody(required = false) Receipt receipt) {
        Receipt body = receipt == null ? new Receipt(null, null) : receipt;
        return idempotency.run("requests.receive", key, new Keyed(id, body), () -> {
            boolean waits = flow.receive(id, counts(body.lines()), body.comment());
            return ResponseEntity.status(waits ? HttpStatus.ACCEPTED : HttpStatus.OK).body(queries.detail(id));
        });
    }

    @PostMapping("/api/v1/transfer-requests/{id}/cancel")
    @RequiresPermission("requests.view")
    @Operation(summary = "PENDIENTE or ALISTAMIENTO → CANCELADO, by the requester (requests.create) "
            + "or a user of the origin (requests.approve)")
    RequestQueries.RequestView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) Comment comment) {
        requireCancelRight();
        flow.cancel(id, comment == null ? null : comment.comment());
        return queries.detail(id);
    }

    /** What a retry must repeat: the request's id along with the body. */
    record Keyed(UUID requestId, Object body) {
    }

    static void requireCancelRight() {
        Actor actor = Actor.require();
        if (!actor.can("requests.create") && !actor.can("requests.approve")) {
            throw Problems.of(PlatformProblem.FORBIDDEN, "Cancelling needs requests.create or requests.approve");
        }
    }

    private static List<RequestFlow.Count> counts(List<CountLine> lines) {
        return lines == null ? List.of()
                : lines.stream().map(l -> new RequestFlow.Count(l.itemId(), l.quantity(), l.reason())).toList();
    }
}
