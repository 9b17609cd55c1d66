package dev.bodega.sales.internal.reports;

import dev.bodega.platform.Formats;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The sales dashboard (cards for today, Chart.js charts of the last 30 days) and the report pages with a
 * period filter: breakdowns with the top items, and the sales report with lines.
 */
@Controller
public class SalesReportsPageController {

    private final Dashboard dashboard;
    private final SalesReports reports;
    private final JsonMapper json;
    private final MessageSource messages;

    SalesReportsPageController(Dashboard dashboard, SalesReports reports, JsonMapper json, MessageSource messages) {
        this.dashboard = dashboard;
        this.reports = reports;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/sales/dashboard")
    @RequiresPermission("sales.read")
    String dashboard(Model model) {
        Dashboard.View view = dashboard.view();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("view", view);
        model.addAttribute("perDayChart", json.writeValueAsString(perDayChart(view.perDay(), locale)));
        model.addAttribute("topItemsChart", json.writeValueAsString(topItemsChart(view.topByQuantity(), locale)));
        return "sales/dashboard";
    }

    @GetMapping("/sales/reports")
    @RequiresPermission("sales.read")
    String breakdowns(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      Model model) {
        SalesReports.Period period = period(from, to, model);
        model.addAttribute("summary", reports.summary(period));
        model.addAttribute("byMethod", reports.byPaymentMethod(period));
        model.addAttribute("bySeller", reports.bySeller(period));
        model.addAttribute("byLocation", reports.byLocation(period));
        SalesReports.Tops tops = reports.tops(period, SalesReports.TOP_LIMIT);
        model.addAttribute("topByQuantity", tops.byQuantity());
        model.addAttribute("topByRevenue", tops.byRevenue());
        return "sales/reports";
    }

    @GetMapping("/sales/reports/sales")
    @RequiresPermission("sales.read")
    String salesReport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       PageQuery<UUID> page, Model model) {
        SalesReports.Period period = period(from, to, model);
        model.addAttribute("report", reports.salesWithLines(period, page.cursor(), page.limit()));
        return "sales/sales-report";
    }

    /** The period asked for; one that makes no sense falls back to the default, with a message. */
    private SalesReports.Period period(LocalDate from, LocalDate to, Model model) {
        SalesReports.Period period;
        try {
            period = reports.period(from, to);
        } catch (ErrorResponseException e) {
            model.addAttribute("periodError", "reports.period.invalid");
            period = reports.period(null, null);
        }
        model.addAttribute("period", period);
        return period;
    }

    private Map<String, Object> perDayChart(SalesReports.PerDay perDay, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        Formats formats = Formats.of(locale, ZoneOffset.UTC);
        chart.put("locale", locale.toLanguageTag());
        chart.put("labels", perDay.days().stream().map(day -> formats.date(day.date())).toList());
        chart.put("totals", perDay.days().stream().map(SalesReports.Day::total).toList());
        chart.put("counts", perDay.days().stream().map(SalesReports.Day::count).toList());
        chart.put("totalLabel", messages.getMessage("reports.chart.total", new Object[]{perDay.currency()}, locale));
        chart.put("countLabel", messages.getMessage("reports.chart.count", null, locale));
        return chart;
    }

    private Map<String, Object> topItemsChart(SalesReports.TopItems top, Locale locale) {
        List<SalesReports.TopItem> items = top.items();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("locale", locale.toLanguageTag());
        chart.put("labels", items.stream().map(item -> item.sku() + " · " + item.name()).toList());
        chart.put("quantities", items.stream().map(SalesReports.TopItem::quantity).toList());
        chart.put("quantityLabel", messages.getMessage("reports.chart.quantity", null, locale));
        return chart;
    }
}
