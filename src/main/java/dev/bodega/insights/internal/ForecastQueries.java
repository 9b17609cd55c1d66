package dev.bodega.insights.internal;

import dev.bodega.insights.internal.DemandHistory.History;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Forecasts as pages and the API show them. Accuracy comes two ways, both against the seasonal-naive baseline on
 * the same days: the backtest that chose the method (rolling origin on the history), and the live record, from
 * predictions whose day has closed (each made the day before it at the latest, so none saw its actual). WAPE:
 * absolute errors over actual demand; MASE here: the method's absolute errors over the baseline's (below 1 beats it).
 */
@Service
class ForecastQueries {

    record SeriesRow(UUID locationId, String locationName, UUID itemId, String sku, String itemName, String method,
                     String modelVersion, boolean shortHistory, boolean intermittent, int historyDays,
                     int stockoutDays, Double wape, Double baselineWape, Double mase, LocalDate runOn) {

        String cursor() {
            return itemId + "~" + locationId;
        }
    }

    record Accuracy(Double wape, Double baselineWape, Double mase, long days) {
    }

    record Prediction(LocalDate predictionDate, BigDecimal predictedQuantity, BigDecimal lowerQuantity,
                      BigDecimal upperQuantity, BigDecimal confidenceScore, String modelVersion,
                      BigDecimal baselineQuantity, LocalDate madeOn, BigDecimal actualQuantity,
                      BigDecimal predictionError) {
    }

    record Day(LocalDate day, double demand, boolean stockout) {
    }

    record ItemForecast(SeriesRow series, List<Day> history, List<Prediction> predictions, Accuracy backtest,
                        Accuracy live) {
    }

    /** Days of history the item page shows before the forecast. */
    static final int SHOWN_DAYS = 56;

    private static final String SERIES = """
            SELECT s.location_id, l.name AS location_name, s.item_id, i.sku, i.name AS item_name, s.method,
                   s.model_version, s.short_history, s.intermittent, s.history_days, s.stockout_days,
                   CASE WHEN s.actual_total > 0 THEN s.abs_error / s.actual_total END AS wape,
                   CASE WHEN s.actual_total > 0 THEN s.baseline_abs_error / s.actual_total END AS baseline_wape,
                   CASE WHEN s.baseline_abs_error > 0 THEN s.abs_error / s.baseline_abs_error END AS mase,
                   s.run_on
            FROM forecast_series s
            JOIN catalog_items i ON i.tenant_id = s.tenant_id AND i.id = s.item_id
            JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id""";

    private final JdbcClient jdbc;
    private final DemandHistory history;
    private final TenantSettingsService settings;

    ForecastQueries(JdbcClient jdbc, DemandHistory history, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.history = history;
        this.settings = settings;
    }

    @Reporting
    public CursorPage<SeriesRow> series(UUID itemId, String cursor, int limit) {
        String[] after = cursor == null ? null : cursor.split("~");
        List<SeriesRow> rows = jdbc.sql(SERIES + """
                         WHERE (CAST(:item AS uuid) IS NULL OR s.item_id = :item)
                          AND (CAST(:afterItem AS uuid) IS NULL OR (s.item_id, s.location_id) > (:afterItem, :afterLocation))
                        ORDER BY s.item_id, s.location_id LIMIT :limit""")
                .param("item", itemId)
                .param("afterItem", after == null ? null : UUID.fromString(after[0]))
                .param("afterLocation", after == null || after.length < 2 ? null : UUID.fromString(after[1]))
                .param("limit", limit + 1)
                .query(SeriesRow.class).list();
        return CursorPage.of(rows, limit, SeriesRow::cursor);
    }

    /** Over every series: the backtest's errors summed, method and baseline on the same days. */
    @Reporting
    public Accuracy backtest(UUID itemId, UUID locationId) {
        return jdbc.sql("""
                        SELECT CASE WHEN sum(actual_total) > 0 THEN sum(abs_error) / sum(actual_total) END AS wape,
                               CASE WHEN sum(actual_total) > 0 THEN sum(baseline_abs_error) / sum(actual_total) END
                                   AS baseline_wape,
                               CASE WHEN sum(baseline_abs_error) > 0 THEN sum(abs_error) / sum(baseline_abs_error) END
                                   AS mase,
                               coalesce(sum(scored_days), 0) AS days
                        FROM forecast_series
                        WHERE (CAST(:item AS uuid) IS NULL OR item_id = :item)
                          AND (CAST(:location AS uuid) IS NULL OR location_id = :location)""")
                .param("item", itemId).param("location", locationId).query(Accuracy.class).single();
    }

    /** Over the predictions whose day closed, each made before its day. */
    @Reporting
    public Accuracy live(UUID itemId, UUID locationId) {
        return jdbc.sql("""
                        SELECT CASE WHEN sum(actual_quantity) > 0
                                    THEN sum(abs(prediction_error)) / sum(actual_quantity) END AS wape,
                               CASE WHEN sum(actual_quantity) > 0
                                    THEN sum(abs(actual_quantity - baseline_quantity)) / sum(actual_quantity) END
                                   AS baseline_wape,
                               CASE WHEN sum(abs(actual_quantity - baseline_quantity)) > 0
                                    THEN sum(abs(prediction_error)) / sum(abs(actual_quantity - baseline_quantity)) END
                                   AS mase,
                               count(*) AS days
                        FROM predictions
                        WHERE actual_quantity IS NOT NULL AND made_on < prediction_date
                          AND (CAST(:item AS uuid) IS NULL OR item_id = :item)
                          AND (CAST(:location AS uuid) IS NULL OR location_id = :location)""")
                .param("item", itemId).param("location", locationId).query(Accuracy.class).single();
    }

    /** The item's series at each location; 404 for an item without forecasts (or another company's). */
    @Reporting
    public List<SeriesRow> ofItem(UUID itemId) {
        List<SeriesRow> rows = jdbc.sql(SERIES + " WHERE s.item_id = :item ORDER BY lower(l.name), s.location_id")
                .param("item", itemId).query(SeriesRow.class).list();
        if (rows.isEmpty()) {
            throw new NotFoundException("Forecast");
        }
        return rows;
    }

    /** One series: the last weeks of demand, the predictions from then on, and its accuracy. */
    @Reporting
    public ItemForecast item(UUID itemId, UUID locationId) {
        List<SeriesRow> all = ofItem(itemId);
        SeriesRow series = all.stream().filter(s -> locationId == null || s.locationId().equals(locationId))
                .findFirst().orElseThrow(() -> new NotFoundException("Forecast"));
        List<Day> days = new ArrayList<>();
        history.load(series.runOn(), settings.current().zoneId(), itemId).stream()
                .filter(h -> h.locationId().equals(series.locationId())).findFirst()
                .ifPresent(h -> days.addAll(lastDays(h)));
        List<Prediction> predictions = jdbc.sql("""
                        SELECT prediction_date, predicted_quantity, lower_quantity, upper_quantity, confidence_score,
                               model_version, baseline_quantity, made_on, actual_quantity, prediction_error
                        FROM predictions
                        WHERE item_id = :item AND location_id = :location AND prediction_date > :from
                        ORDER BY prediction_date""")
                .param("item", itemId).param("location", series.locationId())
                .param("from", series.runOn().minusDays(SHOWN_DAYS))
                .query(Prediction.class).list();
        return new ItemForecast(series, days, predictions, backtest(itemId, series.locationId()),
                live(itemId, series.locationId()));
    }

    private static List<Day> lastDays(History h) {
        List<Day> days = new ArrayList<>();
        int n = h.series().length();
        for (int t = Math.max(0, n - SHOWN_DAYS); t < n; t++) {
            days.add(new Day(h.start().plusDays(t), h.series().demand()[t], h.series().stockout()[t]));
        }
        return days;
    }
}
