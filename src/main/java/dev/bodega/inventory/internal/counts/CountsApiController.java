package dev.bodega.inventory.internal.counts;

import dev.bodega.inventory.StockCounts;
import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Physical counts: open a session, enter what is found (blind: a counter never gets the system quantity), submit
 * for review, send lines for a recount, close (one count_correction posting) or cancel. Who holds
 * inventory.count_close sees system quantities and differences.
 */
@RestController
@RequestMapping("/api/v1/stock/counts")
@Tag(name = "Physical counts")
class CountsApiController {

    static final String REVIEW = "inventory.count_close";

    record NewCountRequest(@NotNull UUID locationId, String scope, UUID categoryId, @Size(max = 40) String binFrom,
                           @Size(max = 40) String binTo, BigDecimal tolerance, @Size(max = 500) String note) {
    }

    /** Checked after the count is found, so another company's id is a 404 whatever the body. */
    record EntryRequest(UUID itemId, @Size(max = 100) String code, BigDecimal quantity, BigDecimal looseQuantity,
                        Boolean replace) {
    }

    record RecountRequest(@Size(max = 1000) List<UUID> itemIds) {
    }

    record Detail(Counts.View count, List<Counts.LineView> lines) {
    }

    /** {@code approvalId} when a rule holds the correction back (202): the count stays in review until it is decided. */
    record Closed(Counts.View count, StockPostings.Posted posting, UUID approvalId) {
    }

    record Recounted(Counts.View count, int linesSent) {
    }

    private final Counts counts;
    private final CountEntries entries;
    private final CountFlow flow;
    private final CountSheets sheets;
    private final Idempotency idempotency;

    CountsApiController(Counts counts, CountEntries entries, CountFlow flow, CountSheets sheets, Idempotency idempotency) {
        this.counts = counts;
        this.entries = entries;
        this.flow = flow;
        this.sheets = sheets;
        this.idempotency = idempotency;
    }

    @PostMapping
    @RequiresPermission("inventory.count")
    @Operation(summary = "Open a count at a location: scope full, category (categoryId), bins (binFrom, binTo) or cycle (levels due by their count frequency)")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody NewCountRequest request) {
        return idempotency.run("stock.count", key, request, () -> {
            UUID id = counts.open(new StockCounts.NewCount(request.locationId(), request.scope(), request.categoryId(),
                    request.binFrom(), request.binTo(), request.tolerance(), request.note()));
            return ResponseEntity.created(URI.create("/api/v1/stock/counts/" + id)).body(counts.get(id, reveal()));
        });
    }

    @GetMapping
    @RequiresPermission("inventory.read")
    @Operation(summary = "Counts at your locations, newest first; filter by status (counting, review, closed, cancelled) and location")
    CursorPage<Counts.View> list(@RequestParam(required = false) String status,
                                 @RequestParam(required = false) UUID locationId, PageQuery<UUID> page) {
        if (status != null && !CountStatus.CODES.contains(status)) {
            throw Problems.of(InventoryProblem.UNKNOWN_STATUS, "Status must be one of " + CountStatus.CODES);
        }
        return counts.list(status, locationId, page.cursor(), page.limit(), reveal());
    }

    @GetMapping("/{id}")
    @RequiresPermission("inventory.read")
    @Operation(summary = "One count with its summary (total items, differences, items with loose units) and its lines")
    Detail get(@PathVariable UUID id) {
        boolean reveal = reveal();
        return new Detail(counts.get(id, reveal), counts.lines(id, reveal));
    }

    @PostMapping("/{id}/entries")
    @RequiresPermission("inventory.count")
    @Operation(summary = "Count an item (itemId, or code: SKU or barcode): quantity found and loose units add to the line, or replace it")
    Counted entry(@PathVariable UUID id, @Valid @RequestBody(required = false) EntryRequest request) {
        EntryRequest body = request == null ? new EntryRequest(null, null, null, null, null) : request;
        return new Counted(entries.record(id, new CountEntries.Entry(body.itemId(), body.code(), body.quantity(),
                body.looseQuantity(), Boolean.TRUE.equals(body.replace()))));
    }

    record Counted(CountEntries.Counted line) {
    }

    @PostMapping("/{id}/submit")
    @RequiresPermission("inventory.count")
    @Operation(summary = "Counting is done: the count goes to review (409 from any other state)")
    Counts.View submit(@PathVariable UUID id) {
        flow.submit(id);
        return counts.get(id, reveal());
    }

    @PostMapping("/{id}/recount")
    @RequiresPermission(REVIEW)
    @Operation(summary = "Send counted lines back for a recount (no itemIds: every line over the tolerance); the count returns to counting")
    Recounted recount(@PathVariable UUID id, @Valid @RequestBody(required = false) RecountRequest request) {
        int sent = flow.recount(id, request == null ? null : request.itemIds());
        return new Recounted(counts.get(id, true), sent);
    }

    @PostMapping("/{id}/close")
    @RequiresPermission(REVIEW)
    @Operation(summary = "Close a count in review: all differences posted as one count_correction posting; stock moved since each snapshot stays; 202 when an approval rule holds the correction back")
    ResponseEntity<?> close(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                            @PathVariable UUID id) {
        return idempotency.run("stock.count.close", key, id, () -> {
            MovementApprovals.Outcome outcome = flow.close(id);
            if (outcome.waiting()) {
                return ResponseEntity.accepted().location(URI.create("/api/v1/approvals/" + outcome.approvalId()))
                        .body(new Closed(counts.get(id, true), null, outcome.approvalId()));
            }
            return ResponseEntity.ok(new Closed(counts.get(id, true), outcome.posted(), null));
        });
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission(REVIEW)
    @Operation(summary = "Cancel a count that is counting or in review; nothing is posted")
    Counts.View cancel(@PathVariable UUID id) {
        flow.cancel(id);
        return counts.get(id, true);
    }

    @GetMapping("/{id}/sheet.csv")
    @RequiresPermission("inventory.read")
    @Operation(summary = "The count sheet as CSV: bin, SKU, item, unit, counted, loose (system and difference for reviewers)")
    ResponseEntity<String> csv(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"count-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(sheets.csv(id, reveal()));
    }

    @GetMapping("/{id}/sheet.pdf")
    @RequiresPermission("inventory.read")
    @Operation(summary = "The count sheet as PDF, to count on paper or to file with the closed count")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.OK)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"count-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(sheets.pdf(id, reveal()));
    }

    static boolean reveal() {
        return Actor.current().map(actor -> actor.can(REVIEW)).orElse(false);
    }
}
