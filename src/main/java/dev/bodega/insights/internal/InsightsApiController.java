package dev.bodega.insights.internal;

import dev.bodega.insights.internal.ForecastQueries.Accuracy;
import dev.bodega.insights.internal.ForecastQueries.ItemForecast;
import dev.bodega.insights.internal.ForecastQueries.SeriesRow;
import dev.bodega.insights.internal.ForecastRuns.RunView;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Forecasts and their accuracy, forecast runs, reorder recommendations and purchase suggestions. */
@RestController
@RequestMapping("/api/v1")
class InsightsApiController {

    record AccuracyView(Accuracy backtest, Accuracy live) {
    }

    record ServiceLevel(@NotNull BigDecimal serviceLevel) {
    }

    record DraftRequest(@NotNull UUID supplierId, @NotNull UUID locationId) {
    }

    private final ForecastQueries forecasts;
    private final Forecasting forecasting;
    private final ForecastRuns runs;
    private final Recommendations recommendations;
    private final Suggestions suggestions;
    private final InsightsSettings settings;
    private final Idempotency idempotency;

    InsightsApiController(ForecastQueries forecasts, Forecasting forecasting, ForecastRuns runs,
                          Recommendations recommendations, Suggestions suggestions, InsightsSettings settings,
                          Idempotency idempotency) {
        this.forecasts = forecasts;
        this.forecasting = forecasting;
        this.runs = runs;
        this.recommendations = recommendations;
        this.suggestions = suggestions;
        this.settings = settings;
        this.idempotency = idempotency;
    }

    @GetMapping("/forecasts")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Each (item, location) series: its method, chosen by rolling-origin backtest, and that "
            + "backtest's WAPE and MASE next to the seasonal-naive baseline's")
    CursorPage<SeriesRow> series(@RequestParam(required = false) UUID itemId, PageQuery<String> page) {
        return forecasts.series(itemId, page.cursor(), page.limit());
    }

    @GetMapping("/forecasts/accuracy")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Accuracy over every series against the seasonal-naive baseline: from the backtests, and "
            + "live from predictions made before their day whose day has closed")
    AccuracyView accuracy() {
        return new AccuracyView(forecasts.backtest(null, null), forecasts.live(null, null));
    }

    @GetMapping("/forecasts/items/{itemId}")
    @RequiresPermission("inventory.read")
    @Operation(summary = "One item's series at a location (its first by name when none is given): the last eight "
            + "weeks of demand with stockout days, predictions with their 80% interval, and accuracy")
    ItemForecast item(@PathVariable UUID itemId, @RequestParam(required = false) UUID locationId) {
        return forecasts.item(itemId, locationId);
    }

    @PostMapping("/forecast-runs")
    @RequiresPermission("inventory.manage")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Forecast now for the last closed day, in the background; follow its progress at "
            + "/forecast-runs/{id}. 409 while a run is working. A run for a day already forecast changes nothing.")
    RunView run() {
        return forecasting.startManual();
    }

    @GetMapping("/forecast-runs/{id}")
    @RequiresPermission("inventory.read")
    @Operation(summary = "A forecast run's progress")
    RunView runStatus(@PathVariable UUID id) {
        return runs.get(id);
    }

    @GetMapping("/reorder-recommendations")
    @RequiresPermission("inventory.read")
    @Operation(summary = "Recommended minimums that differ from the minimum in force and wait for a decision")
    List<Recommendations.Pending> pending() {
        return recommendations.pending();
    }

    @PostMapping("/reorder-recommendations/{locationId}/{itemId}/accept")
    @RequiresPermission("inventory.manage")
    @Operation(summary = "The level's minimum becomes the recommendation; recorded as set by the caller")
    Map<String, BigDecimal> accept(@PathVariable UUID locationId, @PathVariable UUID itemId) {
        return Map.of("minStock", recommendations.accept(locationId, itemId));
    }

    @PostMapping("/reorder-recommendations/{locationId}/{itemId}/keep")
    @RequiresPermission("inventory.manage")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Keep the level's own minimum until the recommendation changes")
    void keep(@PathVariable UUID locationId, @PathVariable UUID itemId) {
        recommendations.keep(locationId, itemId);
    }

    @GetMapping("/purchase-suggestions")
    @RequiresPermission("purchasing.read")
    @Operation(summary = "Items at or below their reorder point, by preferred supplier and location, with the "
            + "quantity up to the maximum stock")
    List<Suggestions.Group> suggestions() {
        return suggestions.groups();
    }

    @PostMapping("/purchase-suggestions/drafts")
    @RequiresPermission("purchasing.write")
    @Operation(summary = "A draft supplier order from one supplier's suggestions for a location, to review and "
            + "send in purchasing; accepts an Idempotency-Key")
    ResponseEntity<?> draft(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                            @Valid @RequestBody DraftRequest request) {
        return idempotency.run("purchase-suggestion-draft", key, request, () -> {
            UUID order = suggestions.draft(request.supplierId(), request.locationId());
            return ResponseEntity.created(URI.create("/api/v1/purchasing/orders/" + order))
                    .body(Map.of("orderId", order));
        });
    }

    @GetMapping("/insights/settings")
    @RequiresPermission("inventory.read")
    @Operation(summary = "The service level safety stock is set for (0.95 unless changed)")
    ServiceLevel serviceLevel() {
        return new ServiceLevel(settings.serviceLevel());
    }

    @PutMapping("/insights/settings")
    @RequiresPermission("settings.write")
    @Operation(summary = "Set the service level, between 0.5 and 0.999; it applies from the next run")
    ServiceLevel setServiceLevel(@Valid @RequestBody ServiceLevel body) {
        return new ServiceLevel(settings.setServiceLevel(body.serviceLevel()));
    }
}
