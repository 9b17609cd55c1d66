package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.approvals.MovementApprovalsService;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Receipts, issues and transfers as documents: each is one posting (or waits for
 * approval when the company's approval rules say so), retry-safe
 * under an Idempotency-Key. The API and the pages both come through here, so
 * a form submitted twice with its key posts once, like an API retry.
 */
@Service
class StockDocuments {

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

    private final MovementApprovalsService approvals;
    private final Idempotency idempotency;
    private final JsonMapper json;

    StockDocuments(MovementApprovalsService approvals, Idempotency idempotency, JsonMapper json) {
        this.approvals = approvals;
        this.idempotency = idempotency;
        this.json = json;
    }

    ResponseEntity<?> receive(String key, Receipt receipt) {
        List<Line> lines = receipt.lines().stream()
                .map(l -> Line.in(receipt.locationId(), l.itemId(), MovementType.RECEIPT, l.quantity(), l.unitCost()))
                .toList();
        return idempotency.run("stock.receipt", key, receipt, () -> created(approvals.submit(
                new StockPostings.Posting("receipt", "receipt", null, receipt.reference(), receipt.note(), lines))));
    }

    ResponseEntity<?> issue(String key, Issue issue) {
        List<Line> lines = issue.lines().stream()
                .map(l -> Line.out(issue.locationId(), l.itemId(), MovementType.ISSUE, l.quantity()))
                .toList();
        return idempotency.run("stock.issue", key, issue, () -> created(approvals.submit(
                new StockPostings.Posting("issue", "issue", null, issue.reason(), issue.note(), lines))));
    }

    ResponseEntity<?> transfer(String key, Transfer transfer) {
        if (transfer.fromLocationId().equals(transfer.toLocationId())) {
            throw Problems.of(InventoryProblem.SAME_LOCATION, "A transfer needs two different locations");
        }
        List<Line> lines = transfer.lines().stream()
                .flatMap(l -> Stream.of(
                        Line.out(transfer.fromLocationId(), l.itemId(), MovementType.TRANSFER_OUT, l.quantity()),
                        Line.in(transfer.toLocationId(), l.itemId(), MovementType.TRANSFER_IN, l.quantity(), null)))
                .toList();
        return idempotency.run("stock.transfer", key, transfer, () -> created(approvals.submit(
                new StockPostings.Posting("transfer", "transfer", null, null, transfer.note(), lines))));
    }

    /**
     * The page a response leads to, whether it is the first answer or a replay of it (its JSON text): the posting
     * made, or the approval it waits in.
     */
    String page(ResponseEntity<?> response) {
        Object body = response.getBody();
        if (body instanceof StockPostings.Posted posted) {
            return "/inventory/postings/" + posted.postingId() + "?posted";
        }
        if (body instanceof MovementApprovalsService.View waiting) {
            return "/inventory/approvals/" + waiting.id() + "?submitted";
        }
        JsonNode replayed = body instanceof String text ? json.readTree(text) : null;
        if (replayed != null && replayed.hasNonNull("postingId") && !replayed.hasNonNull("status")) {
            return "/inventory/postings/" + replayed.get("postingId").asString() + "?posted";
        }
        if (replayed != null && replayed.hasNonNull("id")) {
            return "/inventory/approvals/" + replayed.get("id").asString() + "?submitted";
        }
        throw new IllegalStateException("Not a posting response: " + body);
    }

    /** 201 with the posting (and its warnings), or 202 with the approval it waits in. */
    private ResponseEntity<?> created(MovementApprovals.Outcome outcome) {
        if (outcome.waiting()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/v1/approvals/" + outcome.approvalId()))
                    .body(approvals.detail(outcome.approvalId()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(outcome.posted());
    }
}
