package dev.bodega.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the opening-stock import's time goes (issue 17): items written with plain SQL (the item import is measured
 * elsewhere), then the import of every (location, item) with pg_stat_statements (nested statements too) and
 * auto_explain (plans of slow statements, in {@code target/bench/profile-db/pg/log}), the import's rate per tenth
 * of the file, and pg_stat_activity sampled every 50 ms.
 * Usage: bench/opening-profile.sh [items=20000] [locations=10]
 */
public final class OpeningStockProfile {

    private static final String DATA_DIR = "target/bench/profile-db";

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int locations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createDirectories(Path.of("target/bench"));
        try (BenchApp app = startProfiled()) {
            BenchApp.Tenant tenant = app.tenant("bench-import");
            BenchSql.inTenant(app, tenant.id(), s -> s.execute("""
                    INSERT INTO items (tenant_id, id, sku, name, kind, unit_code, cost_price, sale_price, min_stock)
                    SELECT '%s', gen_random_uuid(), 'BN-' || lpad(n::text, 7, '0'), 'Artículo ' || n,
                           CASE WHEN n %% 10 = 0 THEN 'bulk_material' ELSE 'consumable' END,
                           CASE WHEN n %% 10 = 0 THEN 'kg' ELSE 'pcs' END, 1 + n %% 90, 2 + n %% 150, n %% 5
                    FROM generate_series(0, %d) n""".formatted(tenant.id(), items - 1)));
            BenchSql.execute(app, "SELECT pg_stat_statements_reset()");
            AtomicBoolean sampling = new AtomicBoolean(true);
            Map<String, Long> activity = new TreeMap<>();
            Thread sampler = new Thread(() -> sample(app, sampling, activity), "activity-sampler");
            Thread progress = new Thread(() -> progress(app, sampling, items * (long) locations), "progress");
            progress.setDaemon(true);
            progress.start();
            sampler.setDaemon(true);
            sampler.start();
            Figures figures = new Figures("Opening stock, profiled");
            LedgerBenchmark.importOnly(app, tenant, locations, dir, figures);
            sampling.set(false);
            sampler.join();
            long total = activity.values().stream().mapToLong(Long::longValue).sum();
            System.out.println("pg_stat_activity samples (" + total + "):");
            activity.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                    .forEach(e -> System.out.printf("%6d  %s%n", e.getValue(), e.getKey()));
            printStatements(app);
        }
    }

    private static BenchApp startProfiled() throws Exception {
        BenchApp.deleteDataDir(DATA_DIR);
        try (BenchApp first = BenchApp.start(DATA_DIR, false)) {
            for (String setting : new String[] {"shared_preload_libraries = 'pg_stat_statements', 'auto_explain'",
                    "pg_stat_statements.track = 'all'", "auto_explain.log_min_duration = '40ms'",
                    "auto_explain.log_analyze = on", "auto_explain.log_timing = off", "auto_explain.log_buffers = on",
                    "auto_explain.log_nested_statements = on", "logging_collector = on", "log_directory = 'log'"}) {
                BenchSql.execute(first, "ALTER SYSTEM SET " + setting);
            }
        }
        BenchApp app = BenchApp.start(DATA_DIR, false);
        BenchSql.execute(app, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return app;
    }

    private static void sample(BenchApp app, AtomicBoolean sampling, Map<String, Long> activity) {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            while (sampling.get()) {
                try (ResultSet r = s.executeQuery("""
                        SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') || '  '
                               || regexp_replace(left(query, 110), '\\s+', ' ', 'g')
                        FROM pg_stat_activity WHERE usename = 'bodega_app' AND state = 'active'""")) {
                    while (r.next()) {
                        activity.merge(r.getString(1), 1L, Long::sum);
                    }
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            System.out.println("Sampling stopped: " + e.getMessage());
        }
    }

    /** Seconds for each tenth of the file: a rate that falls as the import goes on is not linear. */
    private static void progress(BenchApp app, AtomicBoolean sampling, long rows) {
        long start = System.nanoTime();
        long last = start;
        int tenth = 1;
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            while (sampling.get() && tenth <= 10) {
                try (ResultSet r = s.executeQuery("SELECT coalesce(max(rows_read), 0) FROM stock_import_jobs")) {
                    r.next();
                    if (r.getLong(1) >= rows * tenth / 10) {
                        long now = System.nanoTime();
                        System.out.printf("tenth %d: %.1f s (%.0f rows/s)%n", tenth, (now - last) / 1e9,
                                rows / 10.0 / ((now - last) / 1e9));
                        last = now;
                        tenth++;
                    }
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            System.out.println("Progress stopped: " + e.getMessage());
        }
    }

    private static void printStatements(BenchApp app) throws Exception {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT toplevel, calls, round(total_exec_time::numeric) AS ms, round(mean_exec_time::numeric, 3) AS mean,
                            rows, shared_blks_hit, regexp_replace(left(query, 160), '\\s+', ' ', 'g') AS query
                     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                     ORDER BY total_exec_time DESC LIMIT 15""")) {
            System.out.println("pg_stat_statements (top 15 by total time; nested = run by triggers/functions):");
            while (r.next()) {
                System.out.printf("%-6s %8d calls %9d ms %9s ms/call %9d rows %11d hits  %s%n",
                        r.getBoolean(1) ? "top" : "nested", r.getLong(2), r.getLong(3), r.getString(4), r.getLong(5),
                        r.getLong(6), r.getString(7));
            }
        }
    }

    private OpeningStockProfile() {
    }
}
