package dev.bodega.insights.internal;

import dev.bodega.insights.DemandForecasts;
import dev.bodega.insights.internal.DemandHistory.History;
import dev.bodega.insights.internal.LeadTimeSource.Supply;
import dev.bodega.insights.internal.forecast.Forecast;
import dev.bodega.insights.internal.forecast.Forecaster;
import dev.bodega.insights.internal.forecast.ReorderPoint;
import dev.bodega.inventory.StockLevelPlanning;
import dev.bodega.inventory.StockLevelPlanning.Recommendation;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forecast run for one closed day of the company: closes that day's predictions with their actuals, then for
 * every series chooses a method, forecasts the next four weeks, and recommends the level's minimum (the reorder
 * point: forecast demand over the lead time plus safety stock for the company's service level). Series are written
 * a chunk per transaction, with the run's progress between. On the same ledger a second run for the same day
 * computes the same figures and so changes nothing.
 */
@Service
class Forecasting implements DemandForecasts {

    private static final Logger log = LoggerFactory.getLogger(Forecasting.class);
    private static final int CHUNK = 200;

    private final DemandHistory history;
    private final ForecastStore store;
    private final ForecastRuns runs;
    private final LeadTimeSource leadTimes;
    private final InsightsSettings settings;
    private final StockLevelPlanning levels;
    private final TenantSettingsService companies;
    private final TransactionTemplate transactions;
    private final Forecaster forecaster = new Forecaster();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "forecast-run");
        thread.setDaemon(true);
        return thread;
    });

    Forecasting(DemandHistory history, ForecastStore store, ForecastRuns runs, LeadTimeSource leadTimes,
                InsightsSettings settings, StockLevelPlanning levels, TenantSettingsService companies,
                TransactionTemplate transactions) {
        this.history = history;
        this.store = store;
        this.runs = runs;
        this.leadTimes = leadTimes;
        this.settings = settings;
        this.levels = levels;
        this.companies = companies;
        this.transactions = transactions;
    }

    /** The day a run made now covers: yesterday, in the company's time zone. */
    LocalDate lastClosedDay() {
        return LocalDate.now(companies.current().zoneId()).minusDays(1);
    }

    /** Starts a run for the last closed day in the background, as the current user; 409 while one is working. */
    ForecastRuns.RunView startManual() {
        if (runs.working().isPresent()) {
            throw Problems.of(InsightsProblem.RUN_IN_PROGRESS, "A forecast run is already working");
        }
        LocalDate day = lastClosedDay();
        UUID id = openManual(day);
        TenantContext.Scope scope = TenantContext.current().orElseThrow();
        worker.submit(() -> TenantContext.runAs(scope, () -> execute(id, day)));
        return runs.get(id);
    }

    UUID openManual(LocalDate day) {
        return runs.open(day, "manual").orElseThrow();
    }

    /** The nightly run of the current company for {@code day}, unless it ran already; returns whether it ran. */
    boolean nightly(LocalDate day) {
        return runs.open(day, "nightly").map(id -> {
            execute(id, day);
            return true;
        }).orElse(false);
    }

    @Override
    public boolean forecastLastClosedDay() {
        return nightly(lastClosedDay());
    }

    /** Runs for {@code day} in the calling thread. */
    void execute(UUID runId, LocalDate day) {
        try {
            ZoneId zone = companies.current().zoneId();
            transactions.executeWithoutResult(tx -> store.closeDays(day, zone));
            List<History> series = transactions.execute(tx -> history.load(day, zone, null));
            Map<UUID, Supply> supplies = transactions.execute(tx -> leadTimes.all(day));
            double level = settings.serviceLevel().doubleValue();
            runs.progress(runId, series.size(), 0);
            for (int from = 0; from < series.size(); from += CHUNK) {
                List<History> chunk = series.subList(from, Math.min(series.size(), from + CHUNK));
                transactions.executeWithoutResult(tx -> forecastChunk(chunk, day, supplies, level));
                runs.progress(runId, series.size(), from + chunk.size());
            }
            runs.finish(runId, "done");
        } catch (RuntimeException e) {
            log.error("Forecast run {} failed", runId, e);
            runs.finish(runId, "failed");
            throw e;
        }
    }

    private void forecastChunk(List<History> chunk, LocalDate day, Map<UUID, Supply> supplies, double level) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (History h : chunk) {
            Forecast f = forecaster.forecast(h.series());
            store.save(h, f, day);
            Supply supply = supplies.get(h.itemId());
            if (supply != null) {
                double point = ReorderPoint.of(f.point(), f.dailySigma(), supply.leadDays(), level);
                recommendations.add(new Recommendation(h.locationId(), h.itemId(),
                        BigDecimal.valueOf(point).setScale(supply.unitDecimals(), RoundingMode.CEILING)));
            }
        }
        levels.recommend(recommendations);
    }
}
