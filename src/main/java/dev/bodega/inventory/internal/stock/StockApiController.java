package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.internal.approvals.MovementApprovalsService;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Receipts, issues and transfers: each one posting (or one approval, when a rule holds it back), each retry-safe with an Idempotency-Key. */
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
    @ApiResponse(responseCode = "201", description = "Posted; warnings lists the levels it took below zero (negative-stock)",
            content = @Content(schema = @Schema(implementation = StockPostings.Posted.class)))
    @ApiResponse(responseCode = "202", description = "An approval rule holds it back: it waits in /api/v1/approvals",
            content = @Content(schema = @Schema(implementation = MovementApprovalsService.View.class)))
    ResponseEntity<?> receive(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                              @Valid @RequestBody StockDocuments.Receipt receipt) {
        return documents.receive(key, receipt);
    }

    @PostMapping("/issues")
    @RequiresPermission("inventory.issue")
    @Operation(summary = "Take stock out of a location (consumption, internal use)")
    @ApiResponse(responseCode = "201", description = "Posted; warnings lists the levels it took below zero (negative-stock)",
            content = @Content(schema = @Schema(implementation = StockPostings.Posted.class)))
    @ApiResponse(responseCode = "202", description = "An approval rule holds it back: it waits in /api/v1/approvals",
            content = @Content(schema = @Schema(implementation = MovementApprovalsService.View.class)))
    ResponseEntity<?> issue(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                            @Valid @RequestBody StockDocuments.Issue issue) {
        return documents.issue(key, issue);
    }

    @PostMapping("/transfers")
    @RequiresPermission("inventory.transfer")
    @Operation(summary = "Move stock between two locations: one posting, two ledger rows per item")
    @ApiResponse(responseCode = "201", description = "Posted; warnings lists the levels it took below zero (negative-stock)",
            content = @Content(schema = @Schema(implementation = StockPostings.Posted.class)))
    @ApiResponse(responseCode = "202", description = "An approval rule holds it back: it waits in /api/v1/approvals",
            content = @Content(schema = @Schema(implementation = MovementApprovalsService.View.class)))
    ResponseEntity<?> transfer(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                               @Valid @RequestBody StockDocuments.Transfer transfer) {
        return documents.transfer(key, transfer);
    }
}
