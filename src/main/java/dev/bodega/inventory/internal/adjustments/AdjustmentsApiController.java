package dev.bodega.inventory.internal.adjustments;

import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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
 * Adjustments: 201 with the posting when within the approval threshold, 202
 * with the pending adjustment when above it; approve and reject by another user.
 */
@RestController
@RequestMapping("/api/v1/stock/adjustments")
@Tag(name = "Stock adjustments")
class AdjustmentsApiController {

    static final String REASON_PATTERN = "damaged|lost|found|count_correction|expired|other";

    record AdjustmentLine(@NotNull UUID itemId, @NotNull BigDecimal quantity) {
    }

    record AdjustmentRequest(@NotNull UUID locationId, @NotNull @Pattern(regexp = REASON_PATTERN) String reason,
                             @Size(max = 500) String note,
                             @NotEmpty @Size(max = 500) List<@Valid @NotNull AdjustmentLine> lines) {
    }

    record Approval(@Size(max = 500) String note) {
    }

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    private final Adjustments adjustments;
    private final Idempotency idempotency;

    AdjustmentsApiController(Adjustments adjustments, Idempotency idempotency) {
        this.adjustments = adjustments;
        this.idempotency = idempotency;
    }

    @PostMapping
    @RequiresPermission("inventory.adjust")
    @Operation(summary = "Adjust stock with a reason code: posted at once (201) or pending approval (202) above the threshold")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody AdjustmentRequest request) {
        List<Adjustments.LineRequest> lines = request.lines().stream()
                .map(l -> new Adjustments.LineRequest(l.itemId(), l.quantity())).toList();
        return idempotency.run("stock.adjustment", key, request, () -> {
            Adjustments.View view = adjustments.request(
                    new Adjustments.Request(request.locationId(), request.reason(), request.note(), lines));
            return ResponseEntity.status(view.pending() ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
                    .location(URI.create("/api/v1/stock/adjustments/" + view.id()))
                    .body(view);
        });
    }

    @GetMapping
    @RequiresPermission("inventory.read")
    @Operation(summary = "Adjustments, newest first; filter by status (posted, pending, approved, rejected)")
    CursorPage<Adjustments.View> list(@RequestParam(required = false) String status,
                                      PageQuery<UUID> page) {
        if (status != null && !Adjustments.STATUSES.contains(status)) {
            throw Problems.of(InventoryProblem.UNKNOWN_STATUS, "Status must be one of " + Adjustments.STATUSES);
        }
        return adjustments.list(status == null ? List.of() : List.of(status), page.cursor(), page.limit());
    }

    @GetMapping("/{id}")
    @RequiresPermission("inventory.read")
    @Operation(summary = "One adjustment with its lines and decision")
    Adjustments.View get(@PathVariable UUID id) {
        return adjustments.detail(id);
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission("inventory.approve")
    @Operation(summary = "Approve a pending adjustment (not your own): it posts now, or stays pending if stock no longer allows it")
    Adjustments.View approve(@PathVariable UUID id, @Valid @RequestBody(required = false) Approval approval) {
        return adjustments.approve(id, approval == null ? null : approval.note());
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission("inventory.approve")
    @Operation(summary = "Reject a pending adjustment (not your own), saying why")
    Adjustments.View reject(@PathVariable UUID id, @Valid @RequestBody Rejection rejection) {
        return adjustments.reject(id, rejection.reason());
    }
}
