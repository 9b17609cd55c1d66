package dev.bodega.inventory.internal.stock;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

/** Stock levels, postings, scanner lookup and the kárdex: reading what the ledger has done. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Stock")
class StockQueriesApiController {

    private final StockLevels levels;
    private final LedgerQueries ledger;

    StockQueriesApiController(StockLevels levels, LedgerQueries ledger) {
        this.levels = levels;
        this.ledger = ledger;
    }

    @GetMapping("/stock/levels")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Stock levels by SKU and location, with minimum, status (SIN_STOCK, BAJO, NORMAL, ALTO) and value")
    CursorPage<StockLevels.LevelView> levels(@RequestParam(required = false) UUID locationId,
                                             @RequestParam(required = false) UUID itemId,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(defaultValue = "false") boolean lowOnly,
                                             PageQuery<String> page) {
        return levels.list(new StockLevels.Filter(locationId, itemId, q, status, lowOnly), page.cursor(),
                page.limit());
    }

    @PatchMapping("/stock/levels/{locationId}/{itemId}")
    @RequiresPermission("inventory.manage")
    @Operation(summary = "Set a level's minStock, bin, countFrequencyDays or newUntil (merge patch; null clears)")
    StockLevels.LevelView patch(@PathVariable UUID locationId, @PathVariable UUID itemId, @RequestBody JsonNode body) {
        return levels.patch(locationId, itemId, body);
    }

    @GetMapping("/stock/lookup")
    @RequiresPermission("inventory.read")
    @Operation(summary = "The item with this exact barcode, else this SKU (for scanners)")
    StockLevels.ItemRef lookup(@RequestParam String code) {
        return levels.lookup(code).orElseThrow(() -> new NotFoundException("Item with code '" + code + "'"));
    }

    @GetMapping("/stock/postings/{id}")
    @RequiresPermission("inventory.read")
    @Operation(summary = "A posting with its ledger rows")
    LedgerQueries.PostingView posting(@PathVariable UUID id) {
        return ledger.posting(id);
    }

    @GetMapping("/items/{id}/kardex")
    @RequiresPermission("inventory.read")
    @Operation(summary = "The item's ledger rows in order, with the balance at the row's location and across locations")
    LedgerQueries.Kardex kardex(@PathVariable UUID id,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                @RequestParam(required = false) UUID locationId,
                                @RequestParam(required = false) String movementType,
                                @RequestParam(required = false) UUID userId,
                                PageQuery<UUID> page) {
        return ledger.kardex(id, new LedgerQueries.KardexFilter(from, to, locationId, movementType, userId),
                page.cursor(), page.limit());
    }
}
