package dev.bodega.sales.internal.selling;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.Versioned;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.selling.SaleViews.ItemMatch;
import dev.bodega.sales.internal.selling.SaleViews.Quote;
import dev.bodega.sales.internal.selling.SaleViews.SaleSummary;
import dev.bodega.sales.internal.selling.SaleViews.SaleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Sales: create (pending or completed at once), change a parked one, complete, void (or ask for it), return, browse;
 * what the till finds to sell. Creations take an Idempotency-Key.
 */
@RestController
@RequestMapping("/api/v1/sales")
@Tag(name = "Sales")
class SalesApiController {

    private final Sales sales;
    private final SaleQueries queries;
    private final Returns returns;
    private final ItemLookup lookup;
    private final Idempotency idempotency;
    private final VoidRequests voids;
    private final ProblemNames names;
    private final SaleCommitter committer;

    SalesApiController(Sales sales, SaleQueries queries, Returns returns, ItemLookup lookup, Idempotency idempotency,
                       VoidRequests voids, ProblemNames names, SaleCommitter committer) {
        this.committer = committer;
        this.voids = voids;
        this.names = names;
        this.sales = sales;
        this.queries = queries;
        this.returns = returns;
        this.lookup = lookup;
        this.idempotency = idempotency;
    }

    @GetMapping
    @RequiresPermission("sales.read")
    @Operation(summary = "List sales, newest first; filter by sale date (from/to, in the company's time zone), status, location, customer, seller")
    CursorPage<SaleSummary> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) UUID locationId,
                                 @RequestParam(required = false) UUID customerId,
                                 @RequestParam(required = false) UUID sellerId,
                                 PageQuery<UUID> page) {
        return queries.list(new SaleQueries.Filter(from, to, status, locationId, customerId, sellerId), page.cursor(),
                page.limit());
    }

    @GetMapping("/{id}")
    @RequiresPermission("sales.read")
    SaleView get(@PathVariable UUID id) {
        return queries.get(id);
    }

    @PostMapping
    @RequiresPermission("sales.create")
    @Operation(summary = "Create a sale: pending (no stock moves, no number) or, with complete: true and payments, completed",
            description = "Each line's unit price defaults to the item's sale price and its tax rate to the company's; "
                    + "discountPercent is the line discount (a percentage), discount the sale's (an amount, shared among "
                    + "the lines). Money is rounded half-up per line to the currency's decimals and the totals are the "
                    + "sums of the lines. Cash may exceed what remains to pay (the rest is change); other methods may not.")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody Sales.NewSale sale) {
        if (sale.completeNow() && committer.enabled()) {
            // The till's sale: written with the others waiting, in one transaction (group commit).
            return committer.complete(key, sale);
        }
        return idempotency.run("sales.create", key, sale, () -> {
            SaleView created = sales.create(sale);
            return ResponseEntity.created(URI.create("/api/v1/sales/" + created.id())).body(created);
        });
    }

    @PostMapping("/quote")
    @RequiresPermission("sales.create")
    @Operation(summary = "Price a cart without saving it (what the till shows while scanning)")
    Quote quote(@Valid @RequestBody Sales.NewSale sale) {
        return sales.quote(sale);
    }

    @GetMapping("/lookup")
    @RequiresPermission("sales.create")
    @Operation(summary = "Find an item by exact barcode or SKU (what a scanner types), with its stock at a location")
    ItemMatch lookup(@RequestParam String code, @RequestParam(required = false) UUID locationId) {
        return lookup.find(code, locationId);
    }

    @PostMapping("/{id}/complete")
    @RequiresPermission("sales.create")
    @Operation(summary = "Complete a pending sale: take the payments, issue the stock, take the invoice number")
    ResponseEntity<?> complete(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                               @Valid @RequestBody Sales.Completion completion) {
        return idempotency.run("sales.complete:" + id, key, completion, () -> ResponseEntity.ok(sales.complete(id, completion)));
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("sales.void")
    @Operation(summary = "Cancel a sale: a completed one puts its stock back and keeps its invoice number")
    SaleView cancel(@PathVariable UUID id, @Valid @RequestBody Sales.Cancellation cancellation) {
        return sales.cancel(id, cancellation);
    }

    @PostMapping("/{id}/returns")
    @RequiresPermission("sales.return")
    @Operation(summary = "Return part of a completed sale: restocked at a location or written off as damaged, with a refund")
    ResponseEntity<?> createReturn(@PathVariable UUID id,
                                   @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody Returns.NewReturn request) {
        return idempotency.run("sales.return:" + id, key, request, () -> {
            Returns.ReturnView created = returns.create(id, request);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/returns/" + created.id()))
                    .body(created);
        });
    }
    @PutMapping("/{id}")
    @RequiresPermission("sales.create")
    @Operation(summary = "Change a pending (parked) sale: its customer, discount, notes and lines, priced again (If-Match required)")
    Versioned<SaleView> update(@PathVariable UUID id, @Valid @RequestBody Sales.NewSale sale, IfMatch ifMatch) {
        return Versioned.of(sales.update(id, ifMatch.version(), sale), SaleView::version);
    }

    @GetMapping("/items")
    @RequiresPermission("sales.create")
    @Operation(summary = "Items to sell by name, SKU or barcode (accents and typos forgiven), by category or by the vehicle model they fit, with their stock at a location")
    List<ItemMatch> items(@RequestParam(required = false) String q, @RequestParam(required = false) UUID categoryId,
                          @RequestParam(required = false) UUID modelId, @RequestParam(required = false) UUID locationId,
                          @RequestParam(defaultValue = "24") int limit) {
        return lookup.search(q, categoryId, modelId, locationId, Math.max(1, Math.min(limit, 100)));
    }

    @GetMapping("/categories")
    @RequiresPermission("sales.create")
    @Operation(summary = "The top categories, for a till's product grid")
    List<ItemLookup.Category> categories() {
        return lookup.categories();
    }

    @PostMapping("/{id}/void-requests")
    @RequiresPermission("sales.create")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for a sale to be voided by someone who may (sales.void)")
    VoidRequests.VoidRequest requestVoid(@PathVariable UUID id, @Valid @RequestBody VoidRequests.NewRequest request) {
        return voids.request(id, request);
    }

    @GetMapping("/void-requests")
    @RequiresPermission("sales.void")
    @Operation(summary = "Void requests waiting for a decision, oldest first")
    List<VoidRequests.VoidRequest> pendingVoids() {
        return voids.pending();
    }

    @PostMapping("/void-requests/{requestId}/approve")
    @RequiresPermission("sales.void")
    @Operation(summary = "Approve a void request: the sale is voided with the request's reason")
    VoidRequests.VoidRequest approveVoid(@PathVariable UUID requestId) {
        return voids.approve(requestId);
    }

    @PostMapping("/void-requests/{requestId}/reject")
    @RequiresPermission("sales.void")
    @Operation(summary = "Reject a void request: the sale stays as it is")
    VoidRequests.VoidRequest rejectVoid(@PathVariable UUID requestId) {
        return voids.reject(requestId);
    }

    /** Every refusal with names beside its ids (item, store), read after the refused transaction rolled back. */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> refused(ErrorResponseException e) {
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(names.named(e.getBody()));
    }
}
