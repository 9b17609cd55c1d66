package dev.bodega.inventory.internal.approvals;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.Problems;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The one approvals inbox (every posting waiting, adjustments included) and the rules that make postings wait.
 * Of two approvers at once one decides; the other gets 409 already-decided.
 */
@RestController
@Tag(name = "Approvals")
class ApprovalsApiController {

    record Approval(@Size(max = 500) String note) {
    }

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    record RuleRequest(@NotBlank String movementType,
                       @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal minValue, UUID locationId) {
    }

    /** {@code fromSettings}: the company setting for adjustments, changed on the settings, not here. */
    record RuleView(UUID id, String movementType, BigDecimal minValue, UUID locationId, String locationName,
                    boolean fromSettings) {
        static RuleView of(ApprovalRules.Rule rule) {
            return new RuleView(rule.id(), rule.movementType().code(), rule.minValue(), rule.locationId(),
                    rule.locationName(), rule.id() == null);
        }
    }

    private final MovementApprovalsService approvals;
    private final ApprovalRules rules;

    ApprovalsApiController(MovementApprovalsService approvals, ApprovalRules rules) {
        this.approvals = approvals;
        this.rules = rules;
    }

    @GetMapping("/api/v1/approvals")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Postings waiting for approval or decided, newest first, with their lines; "
            + "filter by status (pending, approved, rejected)")
    CursorPage<MovementApprovalsService.View> list(@RequestParam(required = false) String status, PageQuery<UUID> page) {
        if (status != null && !MovementApprovalsService.STATUSES.contains(status)) {
            throw Problems.of(InventoryProblem.UNKNOWN_STATUS, "Status must be one of " + MovementApprovalsService.STATUSES);
        }
        return approvals.list(status == null ? List.of() : List.of(status), page.cursor(), page.limit());
    }

    @GetMapping("/api/v1/approvals/{id}")
    @RequiresPermission("inventory.read")
    @Operation(summary = "One posting waiting for approval (or decided), with its lines")
    MovementApprovalsService.View get(@PathVariable UUID id) {
        return approvals.detail(id);
    }

    @PostMapping("/api/v1/approvals/{id}/approve")
    @RequiresPermission("inventory.approve")
    @Operation(summary = "Approve a waiting posting (not your own): it posts now, with its warnings, or stays "
            + "pending if stock no longer allows it; 409 when someone decided first")
    MovementApprovalsService.View approve(@PathVariable UUID id, @Valid @RequestBody(required = false) Approval approval) {
        return approvals.approve(id, approval == null ? null : approval.note());
    }

    @PostMapping("/api/v1/approvals/{id}/reject")
    @RequiresPermission("inventory.approve")
    @Operation(summary = "Reject a waiting posting (not your own), saying why; nothing is posted")
    MovementApprovalsService.View reject(@PathVariable UUID id, @Valid @RequestBody Rejection rejection) {
        return approvals.reject(id, rejection.reason());
    }

    @GetMapping("/api/v1/approval-rules")
    @RequiresPermission("inventory.read")
    @Operation(summary = "The rules that make postings wait: movement type, value above which, location (any when empty)")
    List<RuleView> rules() {
        return rules.all().stream().map(RuleView::of).toList();
    }

    @GetMapping("/api/v1/approval-rules/{id}")
    @RequiresPermission("inventory.read")
    @Operation(summary = "One approval rule, with its version as ETag")
    Versioned<RuleView> rule(@PathVariable UUID id) {
        return versioned(rules.get(id));
    }

    @PostMapping("/api/v1/approval-rules")
    @RequiresPermission("inventory.approval_rules")
    @Operation(summary = "Add a rule: postings with a line of this movement type (at this location, worth more than "
            + "this value) wait for approval")
    ResponseEntity<Versioned<RuleView>> create(@Valid @RequestBody RuleRequest request) {
        ApprovalRules.Rule rule = rules.create(request(request));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/approval-rules/" + rule.id()))
                .body(versioned(rule));
    }

    @PutMapping("/api/v1/approval-rules/{id}")
    @RequiresPermission("inventory.approval_rules")
    @Operation(summary = "Change a rule (If-Match required)")
    Versioned<RuleView> update(@PathVariable UUID id, @Valid @RequestBody RuleRequest request, IfMatch ifMatch) {
        return versioned(rules.update(id, request(request), ifMatch.version()));
    }

    @DeleteMapping("/api/v1/approval-rules/{id}")
    @RequiresPermission("inventory.approval_rules")
    @Operation(summary = "Remove a rule (If-Match required); postings already waiting still wait")
    ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
        rules.delete(id, ifMatch.version());
        return ResponseEntity.noContent().build();
    }

    static MovementType movementType(String code) {
        return Arrays.stream(MovementType.values()).filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> Problems.of(InventoryProblem.UNKNOWN_MOVEMENT_TYPE, "Movement type must be one of "
                        + Arrays.stream(MovementType.values()).map(MovementType::code).toList()));
    }

    private static ApprovalRules.RuleRequest request(RuleRequest request) {
        return new ApprovalRules.RuleRequest(movementType(request.movementType()), request.minValue(),
                request.locationId());
    }

    private static Versioned<RuleView> versioned(ApprovalRules.Rule rule) {
        return new Versioned<>(RuleView.of(rule), rule.version());
    }
}
