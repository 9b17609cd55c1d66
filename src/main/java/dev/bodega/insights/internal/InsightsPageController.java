package dev.bodega.insights.internal;

import dev.bodega.platform.FormNumbers;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.ProblemMessages;
import dev.bodega.platform.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * The insights pages: forecasts with their accuracy and the run button (progress polled while a run works), an
 * item's forecast with its chart, the recommendations inbox with the service level, and purchase suggestions.
 */
@Controller
class InsightsPageController {

    /** The insights pages' own words for a problem are {@code insights.problem.<slug>}. */
    private static final String AREA = "insights";

    private final ForecastQueries forecasts;
    private final Forecasting forecasting;
    private final ForecastRuns runs;
    private final Recommendations recommendations;
    private final Suggestions suggestions;
    private final InsightsSettings settings;
    private final ProblemMessages problems;

    InsightsPageController(ForecastQueries forecasts, Forecasting forecasting, ForecastRuns runs,
                           Recommendations recommendations, Suggestions suggestions, InsightsSettings settings,
                           ProblemMessages problems) {
        this.forecasts = forecasts;
        this.forecasting = forecasting;
        this.runs = runs;
        this.recommendations = recommendations;
        this.suggestions = suggestions;
        this.settings = settings;
        this.problems = problems;
    }

    /** Accuracy as people read it: a WAPE in percent with one decimal, a MASE with two; null stays null. */
    record Shown(BigDecimal wape, BigDecimal baselineWape, BigDecimal mase, long days) {

        static Shown of(ForecastQueries.Accuracy a) {
            return new Shown(percent(a.wape()), percent(a.baselineWape()), ratio(a.mase()), a.days());
        }

        static Shown of(ForecastQueries.SeriesRow s) {
            return new Shown(percent(s.wape()), percent(s.baselineWape()), ratio(s.mase()), 0);
        }

        private static BigDecimal percent(Double v) {
            return v == null ? null : BigDecimal.valueOf(v * 100).setScale(1, RoundingMode.HALF_UP);
        }

        private static BigDecimal ratio(Double v) {
            return v == null ? null : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
        }
    }

    @GetMapping("/insights/forecasts")
    @RequiresPermission("inventory.read")
    String forecasts(PageQuery<String> page, Model model) {
        var list = forecasts.series(null, page.cursor(), page.limit());
        model.addAttribute("page", list);
        model.addAttribute("shown", list.items().stream().map(Shown::of).toList());
        model.addAttribute("backtest", Shown.of(forecasts.backtest(null, null)));
        model.addAttribute("live", Shown.of(forecasts.live(null, null)));
        model.addAttribute("run", runs.latest().orElse(null));
        return "insights/forecasts";
    }

    @PostMapping("/insights/forecasts/run")
    @RequiresPermission("inventory.manage")
    String run(RedirectAttributes redirect) {
        try {
            forecasting.startManual();
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("refusal", problems.refusal(e, AREA));
        }
        return "redirect:/insights/forecasts";
    }

    /** The run's progress, polled by the forecasts page while it works. */
    @GetMapping("/insights/forecast-runs/{id}")
    @RequiresPermission("inventory.read")
    String runProgress(@PathVariable UUID id, Model model) {
        model.addAttribute("run", runs.get(id));
        return "insights/forecasts :: progress";
    }

    @GetMapping("/insights/forecasts/items/{itemId}")
    @RequiresPermission("inventory.read")
    String item(@PathVariable UUID itemId, @RequestParam(required = false) UUID location, Model model) {
        ForecastQueries.ItemForecast f = forecasts.item(itemId, location);
        model.addAttribute("f", f);
        model.addAttribute("locations", forecasts.ofItem(itemId));
        model.addAttribute("chart", ForecastChart.of(f));
        model.addAttribute("backtest", Shown.of(f.backtest()));
        model.addAttribute("live", Shown.of(f.live()));
        return "insights/item";
    }

    @GetMapping("/insights/recommendations")
    @RequiresPermission("inventory.read")
    String recommendations(Model model) {
        model.addAttribute("rows", recommendations.pending());
        model.addAttribute("serviceLevel", settings.serviceLevel().movePointRight(2).stripTrailingZeros());
        return "insights/recommendations";
    }

    @PostMapping("/insights/recommendations/{locationId}/{itemId}/accept")
    @RequiresPermission("inventory.manage")
    String accept(@PathVariable UUID locationId, @PathVariable UUID itemId) {
        recommendations.accept(locationId, itemId);
        return "redirect:/insights/recommendations";
    }

    @PostMapping("/insights/recommendations/{locationId}/{itemId}/keep")
    @RequiresPermission("inventory.manage")
    String keep(@PathVariable UUID locationId, @PathVariable UUID itemId) {
        recommendations.keep(locationId, itemId);
        return "redirect:/insights/recommendations";
    }

    @PostMapping("/insights/settings")
    @RequiresPermission("settings.write")
    String serviceLevel(@RequestParam String serviceLevel, RedirectAttributes redirect) {
        try {
            BigDecimal percent = FormNumbers.decimal(serviceLevel);
            settings.setServiceLevel(percent == null ? null : percent.movePointLeft(2));
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("refusal", problems.refusal(e, AREA));
        }
        return "redirect:/insights/recommendations";
    }

    @GetMapping("/insights/suggestions")
    @RequiresPermission("purchasing.read")
    String suggestions(Model model) {
        model.addAttribute("groups", suggestions.groups());
        return "insights/suggestions";
    }

    @PostMapping("/insights/suggestions/draft")
    @RequiresPermission("purchasing.write")
    String draft(@RequestParam UUID supplier, @RequestParam UUID location, RedirectAttributes redirect) {
        try {
            return "redirect:/purchasing/orders/" + suggestions.draft(supplier, location);
        } catch (ErrorResponseException e) {
            redirect.addFlashAttribute("refusal", problems.refusal(e, AREA));
            return "redirect:/insights/suggestions";
        }
    }
}
