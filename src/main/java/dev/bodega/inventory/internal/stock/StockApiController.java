package dev.bodega.inventory.internal.stock;

import dev.bodega.platform.Idempotency;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Receipts, issues and transfers: each one posting, each retry-safe with an Idempotency-Key. */
@RestController
@RequestMapping("/api/v1/stock")
@Tag(name = "Stock postings")
class StockApiController {

    private final StockDocuments documents;

    StockApiController(StockDocuments documents) {
        this.documents = documents;
    }

    @PostMapping("/receipts")
    @RequiresPermission("inventory.receive")
    @Operation(summary = "Receive stock at a location; the unit cost updates the moving average")
    ResponseEntity<?> receive(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                              @Valid @RequestBody StockDocuments.Receipt receipt) {
        return documents.receive(key, receipt);
    }

    @PostMapping("/issues")
    @RequiresPermission("inventory.issue")
    @Operation(summary = "Take stock out of a location (consumption, internal use)")
    ResponseEntity<?> issue(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                            @Valid @RequestBody StockDocuments.Issue issue) {
        return documents.issue(key, issue);
    }

    @PostMapping("/transfers")
    @RequiresPermission("inventory.transfer")
    @Operation(summary = "Move stock between two locations: one posting, two ledger rows per item")
    ResponseEntity<?> transfer(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                               @Valid @RequestBody StockDocuments.Transfer transfer) {
        return documents.transfer(key, transfer);
    }
}
