package dev.bodega.purchasing.internal;

import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import dev.bodega.purchasing.internal.PurchaseViews.OrderSummary;
import dev.bodega.purchasing.internal.PurchaseViews.OrderView;
import dev.bodega.purchasing.internal.PurchaseViews.ReceiptView;
import dev.bodega.purchasing.internal.PurchaseViews.SupplierLeadTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
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

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Supplier orders, their deliveries, lead times per supplier and the purchases CSV. */
@RestController
@RequestMapping("/api/v1/purchasing")
@Tag(name = "Purchasing")
class PurchasingApiController {

    private final SupplierOrders orders;
    private final Receiving receiving;
    private final LeadTimes leadTimes;
    private final PurchaseCsv csv;

    PurchasingApiController(SupplierOrders orders, Receiving receiving, LeadTimes leadTimes, PurchaseCsv csv) {
        this.orders = orders;
        this.receiving = receiving;
        this.leadTimes = leadTimes;
        this.csv = csv;
    }

    @GetMapping("/orders")
    @RequiresPermission("purchasing.read")
    @Operation(summary = "List supplier orders, newest first; filter by status and supplier")
    CursorPage<OrderSummary> list(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) UUID supplierId,
                                  PageQuery<UUID> page) {
        return orders.list(new SupplierOrders.Filter(status, supplierId), page.cursor(), page.limit());
    }

    @GetMapping("/orders/{id}")
    @RequiresPermission("purchasing.read")
    @Operation(summary = "A supplier order with its lines (ordered, received, outstanding); the ETag is its version")
    Versioned<OrderView> get(@PathVariable UUID id) {
        return Versioned.of(orders.get(id), OrderView::version);
    }

    @PostMapping("/orders")
    @RequiresPermission("purchasing.write")
    @Operation(summary = "Create a draft supplier order",
            description = "Numbered OC-000001, OC-000002... per company, without gaps. The order date defaults to "
                    + "today (company time zone); each line's unit cost to the item's cost price. An item appears on "
                    + "one line only. Line totals are quantity × unit cost rounded half-up to the currency's decimals.")
    ResponseEntity<Versioned<OrderView>> create(@Valid @RequestBody SupplierOrders.OrderRequest request) {
        OrderView created = orders.create(request);
        return ResponseEntity.created(URI.create("/api/v1/purchasing/orders/" + created.id()))
                .body(Versioned.of(created, OrderView::version));
    }

    @PutMapping("/orders/{id}")
    @RequiresPermission("purchasing.write")
    @Operation(summary = "Replace a draft's supplier, location, dates, notes and lines (If-Match required)")
    Versioned<OrderView> update(@PathVariable UUID id, IfMatch ifMatch,
                                @Valid @RequestBody SupplierOrders.OrderRequest request) {
        return Versioned.of(orders.update(id, ifMatch.version(), request), OrderView::version);
    }

    @PostMapping("/orders/{id}/send")
    @RequiresPermission("purchasing.write")
    @Operation(summary = "Send a draft to the supplier: it can no longer be edited, and deliveries can be received")
    Versioned<OrderView> send(@PathVariable UUID id) {
        return Versioned.of(orders.send(id), OrderView::version);
    }

    @PostMapping("/orders/{id}/cancel")
    @RequiresPermission("purchasing.write")
    @Operation(summary = "Cancel a draft or sent order, or the rest of a partially received one",
            description = "What was already received stays in stock and in the order's history; a fully received "
                    + "order cannot be cancelled (409 order-not-cancellable).")
    Versioned<OrderView> cancel(@PathVariable UUID id, @Valid @RequestBody SupplierOrders.Cancellation cancellation) {
        return Versioned.of(orders.cancel(id, cancellation), OrderView::version);
    }

    @PostMapping("/orders/{id}/receipts")
    @RequiresPermission("purchasing.receive")
    @Operation(summary = "Receive a delivery into stock (several per order); takes an Idempotency-Key",
            description = "Each line's quantity is posted as a purchase receipt at the order line's unit cost, so the "
                    + "moving-average cost follows, into locationId (default: the order's location). More than is "
                    + "outstanding on a line is refused with 409 over-receipt (listing the lines) unless "
                    + "confirmOverReceipt is true. The order becomes partially_received, or received when nothing "
                    + "is outstanding.")
    ResponseEntity<?> receive(@PathVariable UUID id,
                              @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                              @Valid @RequestBody Receiving.ReceiptRequest request) {
        return receiving.receive(key, id, request);
    }

    @GetMapping("/orders/{id}/receipts")
    @RequiresPermission("purchasing.read")
    @Operation(summary = "The deliveries of an order, newest first, with their lines and stock posting ids")
    CursorPage<ReceiptView> receipts(@PathVariable UUID id, PageQuery<UUID> page) {
        return receiving.list(id, page.cursor(), page.limit());
    }

    @GetMapping("/orders/{id}/receipts/{receiptId}")
    @RequiresPermission("purchasing.read")
    @Operation(summary = "One delivery of an order, with its lines and stock posting id")
    ReceiptView receipt(@PathVariable UUID id, @PathVariable UUID receiptId) {
        return receiving.get(id, receiptId);
    }

    @GetMapping("/lead-times")
    @RequiresPermission("purchasing.read")
    @Operation(summary = "Lead time per supplier: average expected vs actual days, late and overdue orders",
            description = "Over the orders placed between from and to (order date, inclusive). Expected: order date "
                    + "to expected date; actual: order date to the day the order was fully received (company time "
                    + "zone); late: received after the expected date; overdue: still open past the expected date.")
    List<SupplierLeadTime> leadTimes(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) UUID supplierId) {
        return leadTimes.bySupplier(from, to, supplierId);
    }

    @GetMapping("/orders.csv")
    @RequiresPermission("purchasing.read")
    @Operation(summary = "Purchases as CSV, one record per order line, for orders placed between from and to (inclusive)")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        CsvWriter.describe(response);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"purchases.csv\"");
        csv.write(from, to, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
