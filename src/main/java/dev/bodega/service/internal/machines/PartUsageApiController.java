package dev.bodega.service.internal.machines;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The staff's side of part usage (seed 004 part_usage): any customer's machines. */
@RestController
@Tag(name = "Part usage")
class PartUsageApiController {

    static final String COLLECTION = "/api/v1/part-usage";

    record MachineUsage(PartUsage.Summary summary, List<PartUsage.PartTotal> parts) {
    }

    private final PartUsage usage;

    PartUsageApiController(PartUsage usage) {
        this.usage = usage;
    }

    @GetMapping(COLLECTION)
    @RequiresPermission("machines.read")
    @Operation(summary = "Parts used on the machines of customer organizations, newest first; filter by machine "
            + "or organization")
    CursorPage<PartUsage.UsageView> list(@RequestParam(required = false) UUID machineId,
                                         @RequestParam(required = false) UUID organizationId, PageQuery<UUID> page) {
        return usage.list(machineId, organizationId, page.cursor(), page.limit());
    }

    @GetMapping(COLLECTION + "/{id}")
    @RequiresPermission("machines.read")
    @Operation(summary = "One usage record")
    PartUsage.UsageView get(@PathVariable UUID id) {
        return usage.get(id);
    }

    @PostMapping(COLLECTION)
    @RequiresPermission("machines.manage")
    @Operation(summary = "Record parts used on a customer's machine; takes an Idempotency-Key",
            description = "The warehouse must be one of the organization that owns the machine (422 "
                    + "usage-foreign-warehouse; an unknown machine is 422 usage-unknown-machine, a decommissioned one "
                    + "409 machine-decommissioned). Posts a PART_USAGE issue from the warehouse with the record as "
                    + "its document: 409 insufficient-stock when the stock is not there, unless the company allows "
                    + "negative stock. usedAt (not in the future) defaults to now.")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody PartUsage.UsageRequest request) {
        return usage.record(key, request, COLLECTION);
    }

    @GetMapping("/api/v1/machines/{id}/usage")
    @RequiresPermission("machines.read")
    @Operation(summary = "The machine's usage summary (seed 004 machine_usage_summary) and the parts used on it")
    MachineUsage machineUsage(@PathVariable UUID id) {
        return new MachineUsage(usage.summary(id), usage.parts(id));
    }
}
