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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * The partner portal's machines, stock and part usage. The same services as the staff's: row-level security keeps a
 * partner user to its organization's rows, so another organization's (or company's) id is a 404 here.
 */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "Partner portal")
class PortalApiController {

    private static final String USAGE = "/api/v1/portal/part-usage";

    record MachineDetail(Machines.MachineView machine, List<Machines.ReadingView> readings, PartUsage.Summary usage,
                         List<PartUsage.PartTotal> parts) {
    }

    private final Machines machines;
    private final PartUsage usage;
    private final PartnerStock stock;

    PortalApiController(Machines machines, PartUsage usage, PartnerStock stock) {
        this.machines = machines;
        this.usage = usage;
        this.stock = stock;
    }

    @GetMapping("/machines")
    @RequiresPermission("portal.read")
    @Operation(summary = "Your organization's machines, newest first")
    CursorPage<Machines.MachineView> machines(PageQuery<UUID> page) {
        return machines.list(null, null, null, page.cursor(), page.limit());
    }

    @GetMapping("/machines/{id}")
    @RequiresPermission("portal.read")
    @Operation(summary = "One of your machines with its readings, usage summary and the parts used on it")
    MachineDetail machine(@PathVariable UUID id) {
        return new MachineDetail(machines.get(id), machines.readings(id), usage.summary(id), usage.parts(id));
    }

    @GetMapping("/warehouses")
    @RequiresPermission("portal.read")
    @Operation(summary = "Your organization's active warehouses")
    List<PartnerStock.Warehouse> warehouses() {
        return stock.warehouses(null);
    }

    @GetMapping("/stock")
    @RequiresPermission("portal.read")
    @Operation(summary = "Stock levels in your warehouses (one page of at most 500), by warehouse and SKU",
            description = "warehouseId keeps one warehouse; q searches SKU and name.")
    CursorPage<PartnerStock.Level> stock(@RequestParam(required = false) UUID warehouseId,
                                         @RequestParam(required = false) String q) {
        return new CursorPage<>(stock.levels(warehouseId, q), null);
    }

    @GetMapping("/part-usage")
    @RequiresPermission("portal.read")
    @Operation(summary = "Parts used on your machines, newest first; filter by machine")
    CursorPage<PartUsage.UsageView> usage(@RequestParam(required = false) UUID machineId, PageQuery<UUID> page) {
        return usage.list(machineId, null, page.cursor(), page.limit());
    }

    @GetMapping("/part-usage/{id}")
    @RequiresPermission("portal.read")
    @Operation(summary = "One usage record of yours")
    PartUsage.UsageView usageRecord(@PathVariable UUID id) {
        return usage.get(id);
    }

    @PostMapping("/part-usage")
    @RequiresPermission("portal.usage")
    @Operation(summary = "Record parts used on one of your machines from one of your warehouses; takes an "
            + "Idempotency-Key",
            description = "A machine or warehouse that is not your organization's is refused (422 "
                    + "usage-unknown-machine, usage-foreign-warehouse) and nothing is posted. Posts a PART_USAGE issue "
                    + "from the warehouse: 409 insufficient-stock when the stock is not there, unless the company "
                    + "allows negative stock. usedAt (not in the future) defaults to now.")
    ResponseEntity<?> record(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody PartUsage.UsageRequest request) {
        return usage.record(key, request, USAGE);
    }
}
