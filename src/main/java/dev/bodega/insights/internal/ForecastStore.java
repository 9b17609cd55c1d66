package dev.bodega.insights.internal;

import dev.bodega.insights.internal.DemandHistory.History;
import dev.bodega.insights.internal.forecast.Forecast;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Writes a run's results: each series' method and backtest, its predictions for the days to come, and the actual
 * demand of the days that closed. Every write compares before it changes (IS DISTINCT FROM), so a run repeated for
 * the same day, on the same ledger, changes no row.
 */
@Repository
class ForecastStore {

    private final JdbcClient jdbc;

    ForecastStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(History h, Forecast f, LocalDate runOn) {
        saveSeries(h, f, runOn);
        savePredictions(h, f, runOn);
    }

    private void saveSeries(History h, Forecast f, LocalDate runOn) {
        int stockouts = 0;
        for (boolean s : h.series().stockout()) {
            stockouts += s ? 1 : 0;
        }
        jdbc.sql("""
                        INSERT INTO forecast_series AS s (tenant_id, location_id, item_id, method, model_version,
                            short_history, intermittent, history_days, stockout_days, abs_error, squared_error,
                            baseline_abs_error, baseline_sq_error, actual_total, scored_days, daily_sigma, run_on)
                        VALUES (:tenant, :location, :item, :method, :version, :short, :intermittent, :days,
                                :stockouts, :abs, :sq, :baseAbs, :baseSq, :actual, :scored, :sigma, :runOn)
                        ON CONFLICT (tenant_id, location_id, item_id) DO UPDATE SET
                            method = EXCLUDED.method, model_version = EXCLUDED.model_version,
                            short_history = EXCLUDED.short_history, intermittent = EXCLUDED.intermittent,
                            history_days = EXCLUDED.history_days, stockout_days = EXCLUDED.stockout_days,
                            abs_error = EXCLUDED.abs_error, squared_error = EXCLUDED.squared_error,
                            baseline_abs_error = EXCLUDED.baseline_abs_error,
                            baseline_sq_error = EXCLUDED.baseline_sq_error, actual_total = EXCLUDED.actual_total,
                            scored_days = EXCLUDED.scored_days, daily_sigma = EXCLUDED.daily_sigma,
                            run_on = EXCLUDED.run_on, updated_at = EXCLUDED.updated_at
                        WHERE (s.method, s.model_version, s.short_history, s.intermittent, s.history_days,
                               s.stockout_days, s.abs_error, s.squared_error, s.baseline_abs_error,
                               s.baseline_sq_error, s.actual_total, s.scored_days, s.daily_sigma, s.run_on)
                              IS DISTINCT FROM
                              (EXCLUDED.method, EXCLUDED.model_version, EXCLUDED.short_history,
                               EXCLUDED.intermittent, EXCLUDED.history_days, EXCLUDED.stockout_days,
                               EXCLUDED.abs_error, EXCLUDED.squared_error, EXCLUDED.baseline_abs_error,
                               EXCLUDED.baseline_sq_error, EXCLUDED.actual_total, EXCLUDED.scored_days,
                               EXCLUDED.daily_sigma, EXCLUDED.run_on)""")
                .param("tenant", TenantContext.tenantId()).param("location", h.locationId())
                .param("item", h.itemId()).param("method", f.method()).param("version", f.version())
                .param("short", f.shortHistory()).param("intermittent", f.intermittent())
                .param("days", h.series().length()).param("stockouts", stockouts)
                .param("abs", f.errors().absolute()).param("sq", f.errors().squared())
                .param("baseAbs", f.baseline().absolute()).param("baseSq", f.baseline().squared())
                .param("actual", f.errors().actual()).param("scored", f.errors().points())
                .param("sigma", f.dailySigma()).param("runOn", runOn)
                .update();
    }

    private void savePredictions(History h, Forecast f, LocalDate runOn) {
        int n = f.point().length;
        UUID[] ids = new UUID[n];
        String[] days = new String[n], point = new String[n], lower = new String[n], upper = new String[n],
                confidence = new String[n], baseline = new String[n];
        for (int d = 0; d < n; d++) {
            ids[d] = Ids.next();
            days[d] = runOn.plusDays(d + 1).toString();
            point[d] = qty(f.point()[d]);
            lower[d] = qty(Math.min(f.lower()[d], f.point()[d]));
            upper[d] = qty(Math.max(f.upper()[d], f.point()[d]));
            confidence[d] = String.valueOf(f.confidence(d));
            baseline[d] = qty(Math.max(0, f.baselinePoint()[d]));
        }
        jdbc.sql("""
                        INSERT INTO predictions AS p (tenant_id, id, item_id, location_id, prediction_date,
                            predicted_quantity, lower_quantity, upper_quantity, confidence_score, model_version,
                            baseline_quantity, made_on)
                        SELECT :tenant, r.id, :item, :location, r.day, r.point, r.lower, r.upper, r.confidence,
                               :version, r.baseline, :madeOn
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:days AS date[]), CAST(:point AS numeric[]),
                                    CAST(:lower AS numeric[]), CAST(:upper AS numeric[]),
                                    CAST(:confidence AS numeric[]), CAST(:baseline AS numeric[]))
                             AS r(id, day, point, lower, upper, confidence, baseline)
                        ON CONFLICT (tenant_id, item_id, location_id, prediction_date) DO UPDATE SET
                            predicted_quantity = EXCLUDED.predicted_quantity, lower_quantity = EXCLUDED.lower_quantity,
                            upper_quantity = EXCLUDED.upper_quantity, confidence_score = EXCLUDED.confidence_score,
                            model_version = EXCLUDED.model_version, baseline_quantity = EXCLUDED.baseline_quantity,
                            made_on = EXCLUDED.made_on, updated_at = EXCLUDED.updated_at
                        WHERE p.actual_quantity IS NULL AND p.made_on <= EXCLUDED.made_on
                          AND (p.predicted_quantity, p.lower_quantity, p.upper_quantity, p.confidence_score,
                               p.model_version, p.baseline_quantity, p.made_on)
                              IS DISTINCT FROM
                              (EXCLUDED.predicted_quantity, EXCLUDED.lower_quantity, EXCLUDED.upper_quantity,
                               EXCLUDED.confidence_score, EXCLUDED.model_version, EXCLUDED.baseline_quantity,
                               EXCLUDED.made_on)""")
                .param("tenant", TenantContext.tenantId()).param("item", h.itemId())
                .param("location", h.locationId()).param("version", f.version()).param("madeOn", runOn)
                .param("ids", ids).param("days", days).param("point", point).param("lower", lower)
                .param("upper", upper).param("confidence", confidence).param("baseline", baseline)
                .update();
    }

    /** Fills the actual demand and the error of every open prediction for a day up to {@code through}. */
    int closeDays(LocalDate through, ZoneId zone) {
        return jdbc.sql("""
                        UPDATE predictions p
                        SET actual_quantity = a.demand, prediction_error = a.demand - p.predicted_quantity,
                            updated_at = now()
                        FROM (SELECT o.id, greatest(0, coalesce((
                                  SELECT sum(-l.quantity) FROM inventory_ledger l
                                  WHERE l.tenant_id = o.tenant_id AND l.item_id = o.item_id
                                    AND l.location_id = o.location_id AND l.movement_type IN (:types)
                                    AND l.created_at >= (o.prediction_date::timestamp AT TIME ZONE :zone)
                                    AND l.created_at < ((o.prediction_date + 1)::timestamp AT TIME ZONE :zone)), 0))
                                  AS demand
                              FROM predictions o
                              WHERE o.tenant_id = :tenant AND o.actual_quantity IS NULL
                                AND o.prediction_date <= :through) a
                        WHERE p.tenant_id = :tenant AND p.id = a.id""")
                .param("types", DemandHistory.DEMAND_TYPES).param("zone", zone.getId())
                .param("tenant", TenantContext.tenantId()).param("through", through)
                .update();
    }

    private static String qty(double value) {
        return BigDecimal.valueOf(Math.max(0, value)).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
