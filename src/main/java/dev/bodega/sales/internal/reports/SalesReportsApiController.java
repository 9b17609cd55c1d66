package dev.bodega.sales.internal.reports;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Sales reports. A period is {@code from}/{@code to} (ISO dates, both included, in the company's time
 * zone); without them, the 30 days up to today. Only completed sales count.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Sales reports")
class SalesReportsApiController {

    /** A report's period: ISO dates, both included, in the company's time zone; absent means the default. */
    record Period(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    }

    private final SalesReports reports;
    private final Dashboard dashboard;

    SalesReportsApiController(SalesReports reports, Dashboard dashboard) {
        this.reports = reports;
        this.dashboard = dashboard;
    }

    @GetMapping("/sales-today")
    @RequiresPermission("sales.read")
    @Operation(summary = "Today's completed sales: count, total and average ticket (today in the company's time zone)")
    SalesReports.Summary today() {
        return reports.day(reports.today());
    }

    @GetMapping("/sales-summary")
    @RequiresPermission("sales.read")
    @Operation(summary = "Count, total, average ticket and refunds of the period's completed sales")
    SalesReports.Summary summary(@ParameterObject Period period) {
        return reports.summary(reports.period(period.from(), period.to()));
    }

    @GetMapping("/top-items")
    @RequiresPermission("sales.read")
    @Operation(summary = "The best-selling items of the period, net of returns: by=quantity (default) or by=revenue; 10 unless limit says otherwise")
    SalesReports.TopItems topItems(@ParameterObject Period period,
                                   @RequestParam(required = false) String by,
                                   @RequestParam(required = false) Integer limit) {
        int top = limit == null ? SalesReports.TOP_LIMIT : Math.max(1, Math.min(100, limit));
        return reports.topItems(reports.period(period.from(), period.to()), by, top);
    }

    @GetMapping("/sales")
    @RequiresPermission("sales.read")
    @Operation(summary = "The sales report: the period's completed sales with seller, customer and lines, newest first, with the period's totals")
    SalesReports.SalesReport sales(@ParameterObject Period period,
                                   PageQuery<UUID> page) {
        return reports.salesWithLines(reports.period(period.from(), period.to()), page.cursor(), page.limit());
    }

    @GetMapping("/sales-by-payment-method")
    @RequiresPermission("sales.read")
    @Operation(summary = "Per payment method: sales, amount taken (split payments counted in each method), refunds of the period's returns, net")
    SalesReports.ByMethod byPaymentMethod(@ParameterObject Period period) {
        return reports.byPaymentMethod(reports.period(period.from(), period.to()));
    }

    @GetMapping("/sales-by-seller")
    @RequiresPermission("sales.read")
    @Operation(summary = "Per seller: count, total, average ticket and refunds, the best first")
    SalesReports.Breakdown bySeller(@ParameterObject Period period) {
        return reports.bySeller(reports.period(period.from(), period.to()));
    }

    @GetMapping("/sales-by-location")
    @RequiresPermission("sales.read")
    @Operation(summary = "Per location: count, total, average ticket and refunds, the best first")
    SalesReports.Breakdown byLocation(@ParameterObject Period period) {
        return reports.byLocation(reports.period(period.from(), period.to()));
    }

    @GetMapping("/sales-per-day")
    @RequiresPermission("sales.read")
    @Operation(summary = "Count and total of completed sales for every day of the period (default: the last 30 days), days without sales included")
    SalesReports.PerDay perDay(@ParameterObject Period period) {
        return reports.perDay(reports.period(period.from(), period.to()));
    }

    @GetMapping("/customers/{id}/purchases")
    @RequiresPermission("sales.read")
    @Operation(summary = "A customer's purchase history: totals, the items bought most and the latest completed sales (20 unless recent says otherwise)")
    SalesReports.CustomerHistory customer(@PathVariable UUID id, @RequestParam(required = false) Integer recent) {
        return reports.customer(id, recent == null ? 20 : Math.max(1, Math.min(CursorPage.MAX_LIMIT, recent)));
    }

    @GetMapping("/sales-dashboard")
    @RequiresPermission("sales.read")
    @Operation(summary = "What the sales dashboard shows: today, the last 30 days per day, the top items of those days and the low-stock count (with inventory.read)")
    Dashboard.View dashboard() {
        return dashboard.view();
    }
}
