package dev.bodega.inventory.internal.stock;

import dev.bodega.inventory.internal.ledger.LedgerCheck;
import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** Inventory reports, the ledger invariant check and CSV exports. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory reports")
class ReportsApiController {

    private final StockReports reports;
    private final LedgerCheck ledgerCheck;
    private final CsvExports exports;

    ReportsApiController(StockReports reports, LedgerCheck ledgerCheck, CsvExports exports) {
        this.reports = reports;
        this.ledgerCheck = ledgerCheck;
        this.exports = exports;
    }

    @GetMapping("/reports/stock-valuation")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Stock value (on hand × average cost) per location and in total")
    StockReports.Valuation valuation(@RequestParam(required = false) UUID locationId) {
        return reports.valuation(locationId);
    }

    @GetMapping("/reports/low-stock")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Active items at or below their minimum, per location, emptiest first")
    CursorPage<StockReports.LowStockRow> lowStock(@RequestParam(required = false) UUID locationId,
                                                  PageQuery<String> page) {
        return reports.lowStock(locationId, page.cursor(), page.limit());
    }

    @GetMapping("/reports/stock-by-item")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Per item: total on hand, value and quantity at each location")
    CursorPage<StockReports.ItemStock> stockByItem(@RequestParam(required = false) String q,
                                                   PageQuery<String> page) {
        return reports.byItem(q, page.cursor(), page.limit());
    }

    @GetMapping("/admin/ledger-check")
    @RequiresPermission("inventory.manage")
    @Operation(summary = "Levels whose on hand differs from the sum of their ledger rows (none when consistent)")
    LedgerCheck.Result ledgerCheck() {
        return ledgerCheck.currentTenant();
    }

    @GetMapping("/stock/levels/export")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Stock levels as CSV (same filters as the list), streamed")
    void exportLevels(@RequestParam(required = false) UUID locationId, @RequestParam(required = false) UUID itemId,
                      @RequestParam(required = false) String q, @RequestParam(required = false) String status,
                      @RequestParam(defaultValue = "false") boolean lowOnly, HttpServletResponse response)
            throws IOException {
        StockLevels.Filter filter = new StockLevels.Filter(locationId, itemId, q, status, lowOnly);
        exports.levels(filter, csv(response, "stock-levels.csv"));
    }

    @GetMapping("/stock/movements/export")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Ledger rows as CSV, filtered by date (from/to, inclusive, company time zone) and location")
    void exportMovements(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) UUID locationId, HttpServletResponse response) throws IOException {
        exports.movements(from, to, locationId, csv(response, "stock-movements.csv"));
    }

    private static Writer csv(HttpServletResponse response, String filename) throws IOException {
        CsvWriter.describe(response);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }
}
