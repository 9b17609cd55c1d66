package dev.bodega.inventory.internal;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Receipts, issues and transfers: each one posting, each retry-safe with an Idempotency-Key. */
@RestController
@RequestMapping("/api/v1/stock")
@Tag(name = "Stock postings")
class StockApiController {

    record ReceiptLine(@NotNull UUID itemId, @NotNull @Positive BigDecimal quantity, @PositiveOrZero BigDecimal unitCost) {
    }

    record Receipt(@NotNull UUID locationId, @Size(max = 100) String reference, @Size(max = 500) String note,
                   @NotEmpty @Size(max = 500) List<@Valid @NotNull ReceiptLine> lines) {
    }

    record QuantityLine(@NotNull UUID itemId, @NotNull @Positive BigDecimal quantity) {
    }

    record Issue(@NotNull UUID locationId, @Size(max = 40) String reason, @Size(max = 500) String note,
                 @NotEmpty @Size(max = 500) List<@Valid @NotNull QuantityLine> lines) {
    }

    record Transfer(@NotNull UUID fromLocationId, @NotNull UUID toLocationId, @Size(max = 500) String note,
                    @NotEmpty @Size(max = 500) List<@Valid @NotNull QuantityLine> lines) {
    }

    private final StockPostings postings;
    private final Idempotency idempotency;

    StockApiController(StockPostings postings, Idempotency idempotency) {
        this.postings = postings;
        this.idempotency = idempotency;
    }

    @PostMapping("/receipts")
    @RequiresPermission("inventory.receive")
    @Operation(summary = "Receive stock at a location; the unit cost updates the moving average")
    ResponseEntity<?> receive(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                              @Valid @RequestBody Receipt receipt) {
        List<Line> lines = receipt.lines().stream()
                .map(l -> Line.in(receipt.locationId(), l.itemId(), MovementType.RECEIPT, l.quantity(), l.unitCost()))
                .toList();
        return idempotency.run("stock.receipt", key, receipt, () -> created(postings.post(
                new StockPostings.Posting("receipt", "receipt", null, receipt.reference(), receipt.note(), lines))));
    }

    @PostMapping("/issues")
    @RequiresPermission("inventory.issue")
    @Operation(summary = "Take stock out of a location (consumption, internal use)")
    ResponseEntity<?> issue(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                            @Valid @RequestBody Issue issue) {
        List<Line> lines = issue.lines().stream()
                .map(l -> Line.out(issue.locationId(), l.itemId(), MovementType.ISSUE, l.quantity()))
                .toList();
        return idempotency.run("stock.issue", key, issue, () -> created(postings.post(
                new StockPostings.Posting("issue", "issue", null, issue.reason(), issue.note(), lines))));
    }

    @PostMapping("/transfers")
    @RequiresPermission("inventory.transfer")
    @Operation(summary = "Move stock between two locations: one posting, two ledger rows per item")
    ResponseEntity<?> transfer(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                               @Valid @RequestBody Transfer transfer) {
        if (transfer.fromLocationId().equals(transfer.toLocationId())) {
            throw Problems.invalid("same-location", "A transfer needs two different locations");
        }
        List<Line> lines = transfer.lines().stream()
                .flatMap(l -> Stream.of(
                        Line.out(transfer.fromLocationId(), l.itemId(), MovementType.TRANSFER_OUT, l.quantity()),
                        Line.in(transfer.toLocationId(), l.itemId(), MovementType.TRANSFER_IN, l.quantity(), null)))
                .toList();
        return idempotency.run("stock.transfer", key, transfer, () -> created(postings.post(
                new StockPostings.Posting("transfer", "transfer", null, null, transfer.note(), lines))));
    }

    private static ResponseEntity<?> created(StockPostings.Posted posted) {
        return ResponseEntity.status(HttpStatus.CREATED).body(posted);
    }
}
