package dev.bodega.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a sale's time goes, measured on the server: every SQL statement per
 * sale (pg_stat_statements, nested statements of triggers included) and what
 * the application's connections were doing, sampled from pg_stat_activity
 * every 20 ms while the rush ran (waiting on a lock, on the client, on I/O).
 */
final class SaleProfile {

    private static final int TOP = 15;
    private static final int NESTED = 8;

    private final BenchApp app;
    private final Map<String, Long> waits = new TreeMap<>();
    private final AtomicBoolean sampling = new AtomicBoolean();
    private Thread sampler;
    private long samples;
    private long jvmCpuNanos;
    private long postgresCpuTicks;

    private final Path dataDir;

    private SaleProfile(BenchApp app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
    }

    /**
     * pg_stat_statements must be loaded when PostgreSQL starts: the first start, on an emptied directory, writes
     * it into the server's configuration and stops; the second reopens the same data with it loaded. (A "clean"
     * start would delete the directory again when it stops.)
     */
    static BenchApp startWithStatements(String dataDir, String... args) throws SQLException, IOException {
        BenchApp.deleteDataDir(dataDir);
        try (BenchApp first = BenchApp.start(dataDir, false, args)) {
            BenchSql.execute(first, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
            BenchSql.execute(first, "ALTER SYSTEM SET pg_stat_statements.track = 'all'");
            BenchSql.execute(first, "ALTER SYSTEM SET pg_stat_statements.track_planning = on");
        }
        BenchApp app = BenchApp.start(dataDir, false, args);
        BenchSql.execute(app, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return app;
    }

    static SaleProfile start(BenchApp app, String dataDir) throws SQLException {
        SaleProfile profile = new SaleProfile(app, Path.of(dataDir));
        BenchSql.execute(app, "SELECT pg_stat_statements_reset()");
        profile.jvmCpuNanos = jvmCpuNanos();
        profile.postgresCpuTicks = postgresCpuTicks(profile.dataDir);
        profile.sampling.set(true);
        profile.sampler = new Thread(profile::sample, "wait-sampler");
        profile.sampler.setDaemon(true);
        profile.sampler.start();
        return profile;
    }

    private void sample() {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            while (sampling.get()) {
                try (ResultSet r = s.executeQuery("""
                        SELECT state, coalesce(wait_event_type || ':' || wait_event, 'on CPU') FROM pg_stat_activity
                        WHERE usename = 'bodega_app' AND state <> 'idle'""")) {
                    while (r.next()) {
                        waits.merge(r.getString(1) + " — " + r.getString(2), 1L, Long::sum);
                    }
                }
                samples++;
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            System.out.println("Wait sampling stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sampling and writes the statements and waits per sale of the rush level that just ran. */
    void finish(LoadRun.Result rush, Figures.Table statements, Figures.Table activity) throws Exception {
        sampling.set(false);
        sampler.join();
        long sales = Math.max(1, rush.ok() + rush.failed());
        double jvmMs = (jvmCpuNanos() - jvmCpuNanos) / 1e6 / sales;
        double postgresMs = (postgresCpuTicks(dataDir) - postgresCpuTicks) * 10.0 / sales;
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("""
                    SELECT sum(calls) FILTER (WHERE toplevel), sum(calls) FILTER (WHERE NOT toplevel),
                           sum(total_exec_time) FILTER (WHERE toplevel), sum(total_plan_time)
                    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND userid IN (SELECT oid FROM pg_roles WHERE rolname IN ('bodega_app', 'bodega_owner'))""")) {
                r.next();
                statements.note(String.format("%d clients, %,d requests: %.1f top-level statements per sale (round trips "
                                + "from the application, transaction control included), %.1f nested (triggers, functions); "
                                + "%.2f ms of statement execution and %.2f ms of planning per sale against %.2f ms mean HTTP latency.",
                        rush.clients(), sales, r.getLong(1) / (double) sales, r.getLong(2) / (double) sales,
                        r.getDouble(3) / sales, r.getDouble(4) / sales, mean(rush)));
            }
            try (ResultSet r = s.executeQuery("""
                    SELECT * FROM (
                        SELECT toplevel, calls, total_exec_time, mean_exec_time, rows,
                               total_plan_time / greatest(calls, 1) AS mean_plan_time,
                               100 * total_exec_time / sum(total_exec_time) FILTER (WHERE toplevel) OVER () AS share, query,
                               row_number() OVER (PARTITION BY toplevel ORDER BY total_exec_time DESC) AS rank
                        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                          AND userid IN (SELECT oid FROM pg_roles WHERE rolname IN ('bodega_app', 'bodega_owner'))) x
                    -- Every statement the application sends at least once per two sales; the costliest nested ones.
                    WHERE (toplevel AND calls >= %d / 2) OR (NOT toplevel AND rank <= %d)
                    ORDER BY toplevel DESC, total_exec_time DESC""".formatted(sales, NESTED))) {
                while (r.next()) {
                    statements.row(rush.clients(), r.getBoolean(1) ? "top" : "nested", String.format("%.2f", r.getLong(2) / (double) sales),
                            String.format("%.3f", r.getDouble(4)), String.format("%.3f", r.getDouble("mean_plan_time")),
                            String.format("%.1f%%", r.getDouble("share")), "`" + oneLine(r.getString("query")) + "`");
                }
            }
        }
        statements.note(String.format("%d clients: CPU per sale %.1f ms in the JVM (Bodega and the load clients) and "
                + "%.1f ms in PostgreSQL (its server's processes; 100 ticks/s assumed), on a machine shared with other work.",
                rush.clients(), jvmMs, postgresMs));
        long total = waits.values().stream().mapToLong(Long::longValue).sum();
        waits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> activity.row(rush.clients(), e.getKey(), String.format("%.1f%%", 100.0 * e.getValue() / total),
                        String.format("%.1f", e.getValue() / (double) samples)));
    }

    /** CPU time of this JVM: Bodega and the load clients together. */
    static long jvmCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /**
     * CPU time of this run's PostgreSQL — its postmaster and the processes it started (backends, WAL writer,
     * checkpointer...), not other servers on the machine — in clock ticks (Linux).
     */
    static long postgresCpuTicks(Path dataDir) {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            String postmaster = Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim();
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (process.getFileName().toString().equals(postmaster) || fields[1].equals(postmaster)) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // The process ended while we read it.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    private static double mean(LoadRun.Result rush) {
        long sum = 0;
        for (long n : rush.sortedNanos()) {
            sum += n;
        }
        return rush.sortedNanos().length == 0 ? 0 : sum / 1e6 / rush.sortedNanos().length;
    }

    private static String oneLine(String sql) {
        String line = sql.replaceAll("\\s+", " ").replace("|", "\\|").trim();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
