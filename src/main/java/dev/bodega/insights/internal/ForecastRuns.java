package dev.bodega.insights.internal;

import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Forecast runs and their progress. Every write commits on its own (REQUIRES_NEW), so the progress shows while the
 * run works through its series.
 */
@Repository
class ForecastRuns {

    record RunView(UUID id, LocalDate runOn, String trigger, String status, int seriesTotal, int seriesDone,
                   Instant startedAt, Instant finishedAt) {

        public int percent() {
            return status.equals("done") ? 100 : seriesTotal == 0 ? 0 : Math.min(99, seriesDone * 100 / seriesTotal);
        }

        public boolean running() {
            return status.equals("running");
        }
    }

    private static final String COLUMNS =
            "id, run_on, trigger, status, series_total, series_done, started_at, finished_at";

    private final JdbcClient jdbc;

    ForecastRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new run; empty for a nightly run when that day's already exists. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<UUID> open(LocalDate runOn, String trigger) {
        UUID id = Ids.next();
        int created = jdbc.sql("""
                        INSERT INTO forecast_runs (tenant_id, id, run_on, trigger, status, started_by)
                        VALUES (:tenant, :id, :runOn, :trigger, 'running', :user)
                        ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("runOn", runOn)
                .param("trigger", trigger).param("user", TenantContext.userId().orElse(null))
                .update();
        return created == 1 ? Optional.of(id) : Optional.empty();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void progress(UUID id, int total, int done) {
        jdbc.sql("UPDATE forecast_runs SET series_total = :total, series_done = :done WHERE tenant_id = :tenant AND id = :id")
                .param("total", total).param("done", done).param("tenant", TenantContext.tenantId()).param("id", id)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void finish(UUID id, String status) {
        jdbc.sql("""
                        UPDATE forecast_runs SET status = :status, finished_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("status", status).param("tenant", TenantContext.tenantId()).param("id", id).update();
    }

    @Transactional(readOnly = true)
    public RunView get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM forecast_runs WHERE id = :id").param("id", id)
                .query(RunView.class).optional().orElseThrow(() -> new NotFoundException("Forecast run"));
    }

    @Transactional(readOnly = true)
    public Optional<RunView> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM forecast_runs ORDER BY started_at DESC, id DESC LIMIT 1")
                .query(RunView.class).optional();
    }

    /** A run still working (started in the last hour: an older one was cut off by a restart). */
    @Transactional(readOnly = true)
    public Optional<RunView> working() {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM forecast_runs WHERE status = 'running' AND started_at > now() - interval '1 hour'
                        ORDER BY started_at DESC LIMIT 1""")
                .query(RunView.class).optional();
    }
}
