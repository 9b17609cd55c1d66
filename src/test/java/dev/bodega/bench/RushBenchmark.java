package dev.bodega.bench;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Issue 5's benchmark. The POS rush — C tills posting completed sales over
 * HTTP for T seconds — next to seed 000's {@code realizar_venta} selling the
 * same baskets from the same number of connections, and pgbench's TPC-B-like
 * script, all on the same PostgreSQL in the same run; then the invariants;
 * then the dashboard and scan scenarios. See {@link RushOptions#USAGE}.
 */
public final class RushBenchmark {

    private static final String DATA_DIR = "target/bench/rush-db";
    private static final long STOCK = 1_000_000;

    private final RushOptions options;
    private final List<Figures.Table> tables = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private boolean failed;

    private RushBenchmark(RushOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        RushOptions options;
        try {
            options = RushOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean ok = new RushBenchmark(options).run();
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception {
        BlockingHttp.keepAlive(2 * options.maxClients() + 8);
        BenchApp.deleteDataDir(DATA_DIR);
        BenchApp app = options.dbUrl() != null ? BenchApp.external(options.dbUrl(), options.dbSuperuser(), options.appArguments())
                : options.profile() ? SaleProfile.startWithStatements(DATA_DIR, options.appArguments())
                : BenchApp.start(DATA_DIR, true, options.appArguments());
        try (app) {
            PgBench pgbench = options.runs("pgbench") ? PgBench.find(options.pgbench(), app.databasePort()) : null;
            String preamble = preamble(app, pgbench);
            System.out.println(preamble);
            rush(app, pgbench);
            if (options.runs("dashboard")) {
                dashboard(app);
            }
            if (options.runs("scan")) {
                scan(app);
            }
            if (options.out() != null) {
                Figures.write(options.out(), "Bodega POS rush benchmark" + (failed ? " — FAILED: invariants broken" : ""),
                        preamble, tables);
                System.out.println("Written to " + options.out().toAbsolutePath());
            }
        }
        return !failed;
    }

    private void rush(BenchApp app, PgBench pgbench) throws Exception {
        Figures.Table setup = table(new Figures.Table("Setup", "what", "size", "time", "note"));
        long start = System.nanoTime();
        List<RushData.Company> companies = new ArrayList<>();
        for (int i = 0; i < options.tenants(); i++) {
            companies.add(RushData.company(app, i, "rush-" + i, options.items(), options.customers(), STOCK));
        }
        List<RushData.Till> tills = RushData.tills(app, companies, options.maxClients());
        BenchSql.execute(app, "ANALYZE");
        setup.row("rush companies: signup, API key, 2 stores, items, customers, opening stock, a series per till",
                String.format("%d × %,d items", options.tenants(), options.items()), seconds(start),
                String.format("%,d units per stock level, through the ledger trigger", STOCK));
        if (options.runs("seed")) {
            start = System.nanoTime();
            Seed000.load(app, options.tenants() * RushData.LOCATIONS, options.items(), STOCK);
            setup.row("seed 000 schema, function and products (database `seed000`)",
                    String.format("%,d products", (long) options.tenants() * RushData.LOCATIONS * options.items()),
                    seconds(start), "one block of products per Bodega store");
        }
        int scale = options.pgbenchScale() != null ? options.pgbenchScale() : options.maxClients();
        if (pgbench != null) {
            start = System.nanoTime();
            pgbench.initialize(app, scale);
            setup.row("pgbench -i (database `pgbench`)", "scale " + scale, seconds(start), "-I dtGvp");
        }

        if (options.warmup() > 0) {
            LoadRun.Result warm = LoadRun.run(Math.min(8, options.maxClients()), options.warmup(), k -> bodega(app, tills, -1, k));
            setup.row("warm-up (untimed)", String.format("%,d sales", warm.ok()), seconds(warm.seconds()), warm.errorSummary());
        }

        Figures.Table bodega = table(latencyTable("POS rush — Bodega, POST /api/v1/sales over HTTP"));
        Figures.Table seed = options.runs("seed") ? table(latencyTable("POS rush — seed 000 realizar_venta, same baskets over JDBC")) : null;
        Figures.Table external = options.runs("external")
                ? table(latencyTable("POS rush — Bodega, the same tills as a separate process (bench/Tills.java)")) : null;
        Figures.Table externalMe = options.runs("external") && options.runs("ceiling")
                ? table(latencyTable("GET /api/v1/me — the same tills as a separate process (column sales/s: requests/s)")) : null;
        Figures.Table sideBySide = table(new Figures.Table("POS rush — side by side", "clients", "Bodega sales/s",
                "seed 000 sales/s", "Bodega ÷ seed", "pgbench TPC-B tps", "pgbench latency ms", "Bodega ÷ pgbench",
                "GET /api/v1/me req/s", "Bodega ÷ GET", "issue 5 target"));
        Figures.Table statements = options.profile() ? new Figures.Table("Sale path profile — statements per sale",
                "clients", "level", "calls per sale", "mean ms", "plan ms", "share of statement time", "statement") : null;
        Figures.Table activity = options.profile() ? new Figures.Table("Sale path profile — what Bodega's connections were doing",
                "clients", "state — wait", "share of samples", "connections on average") : null;

        Phases phases = table(new Phases(options.dbUrl() == null ? java.nio.file.Path.of(DATA_DIR) : null));
        for (int clients : options.clients()) {
            SaleProfile profile = options.profile() ? SaleProfile.start(app, DATA_DIR) : null;
            LoadRun.Result b = phases.measure("sales", clients,
                    () -> LoadRun.run(clients, options.seconds(), k -> bodega(app, tills, clients, k)));
            if (profile != null) {
                profile.finish(b, statements, activity);
            }
            latencyRow(bodega, b);
            if (external != null) {
                java.nio.file.Path scripts = ExternalTills.sales(app, tills, clients, k -> baskets(clients, k));
                latencyRow(external, phases.measure("external sales", clients,
                        () -> ExternalTills.run(scripts, clients, options.seconds())));
            }
            if (externalMe != null) {
                java.nio.file.Path scripts = ExternalTills.me(app, tills, clients);
                latencyRow(externalMe, phases.measure("external GET me", clients,
                        () -> ExternalTills.run(scripts, clients, options.seconds())));
            }
            LoadRun.Result s = seed == null ? null : seedRun(app, tills, clients);
            if (s != null) {
                latencyRow(seed, s);
            }
            PgBench.Result p = pgbench == null ? null : pgbench.run(clients, options.seconds());
            LoadRun.Result g = options.runs("ceiling") ? phases.measure("GET me", clients,
                    () -> LoadRun.run(clients, options.seconds(), k -> ceiling(app, tills, k))) : null;
            sideBySide.row(clients, rate(b.perSecond()), s == null ? "–" : rate(s.perSecond()),
                    s == null ? "–" : String.format("%.2f", b.perSecond() / s.perSecond()),
                    p == null ? "–" : rate(p.tps()), p == null ? "–" : String.format("%.2f", p.latencyMs()),
                    p == null ? "–" : String.format("%.2f", b.perSecond() / p.tps()),
                    g == null ? "–" : rate(g.perSecond()) + errors(g),
                    g == null ? "–" : String.format("%.2f", b.perSecond() / g.perSecond()), target(clients, b, s, p));
        }
        if (pgbench == null && options.runs("pgbench")) {
            sideBySide.note("pgbench is not installed: no TPC-B-like reference.");
        }
        sideBySide.note("GET /api/v1/me: the same tills, API keys and clients asking who they are (API-key "
                + "authentication, one read): the most a request through Bodega's stack does per second on this machine.");
        sideBySide.note("Targets (issue 5): from 8 clients Bodega ÷ seed > 1; at 1 client ≥ 0.5; at 32 clients Bodega ÷ pgbench ≥ 0.25.");
        if (statements != null) {
            tables.add(statements);
            tables.add(activity);
        }
        invariants(app, "POS rush companies", companies, true);
    }

    private LoadRun.Call bodega(BenchApp app, List<RushData.Till> tills, int level, int k) {
        try {
            return new BodegaTill(app.baseUrl(), tills.get(k), baskets(level, k));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Till k asking who it is: an authenticated request that does next to nothing, the stack's ceiling. */
    private static LoadRun.Call ceiling(BenchApp app, List<RushData.Till> tills, int k) {
        java.net.URL me;
        try {
            me = java.net.URI.create(app.baseUrl() + "/api/v1/me").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        java.util.Map<String, String> headers = java.util.Map.of("Authorization",
                "Bearer " + tills.get(k).company().tenant().apiKey(), "Accept", "application/json");
        return () -> {
            BlockingHttp.Response response = BlockingHttp.send("GET", me, headers, null);
            return response.status() == 200 ? null : BodegaTill.failure(response.status(), response.body());
        };
    }

    private static String errors(LoadRun.Result r) {
        return r.errors().isEmpty() ? "" : " (" + r.errorSummary() + ")";
    }

    /** Till k of a level draws the same baskets in Bodega and in the seed's procedure. */
    private Baskets baskets(int level, int k) {
        return new Baskets(options.items(), options.zipf(), options.customers(), level * 1000L + k);
    }

    private LoadRun.Result seedRun(BenchApp app, List<RushData.Till> tills, int clients) throws Exception {
        List<Seed000.Till> seedTills = new ArrayList<>();
        try {
            for (int k = 0; k < clients; k++) {
                seedTills.add(new Seed000.Till(app, tills.get(k), options.items(), baskets(clients, k)));
            }
            return LoadRun.run(clients, options.seconds(), seedTills::get);
        } finally {
            for (Seed000.Till till : seedTills) {
                till.close();
            }
        }
    }

    private static String target(int clients, LoadRun.Result b, LoadRun.Result s, PgBench.Result p) {
        List<String> verdicts = new ArrayList<>();
        if (s != null && clients >= 8) {
            verdicts.add(b.perSecond() > s.perSecond() ? "beats seed ✓" : "below seed ✗");
        }
        if (s != null && clients == 1) {
            verdicts.add(b.perSecond() >= s.perSecond() / 2 ? "≥ ½ seed ✓" : "< ½ seed ✗");
        }
        if (p != null && clients == 32) {
            verdicts.add(b.perSecond() >= p.tps() / 4 ? "≥ ¼ pgbench ✓" : "< ¼ pgbench ✗");
        }
        return verdicts.isEmpty() ? "–" : String.join(", ", verdicts);
    }

    private void invariants(BenchApp app, String what, List<RushData.Company> companies, boolean salesPostStock)
            throws Exception {
        RushInvariants.Report report = RushInvariants.check(app.superuser(),
                companies.stream().map(c -> c.tenant().id()).toList(), salesPostStock);
        Figures.Table table = table(new Figures.Table("Invariants — " + what, "check", "rule", "violations", "first rows"));
        for (RushInvariants.Check check : report.checks()) {
            table.row(check.name(), check.rule(), check.ok() ? "0 ✓" : check.violations() + " ✗",
                    String.join("<br>", check.samples()));
        }
        if (!salesPostStock) {
            table.note("Generated sales never went through the ledger, so the sale ↔ ledger check does not apply.");
        }
        if (!report.ok()) {
            failed = true;
            table.note("FAILED: " + report.failed());
        }
    }

    private void dashboard(BenchApp app) throws Exception {
        Figures.Table setup = table(new Figures.Table("Dashboard — data", "what", "size", "time", "note"));
        RushData.Company company = DashboardScenario.generate(app, options.tenants(), options.dashboardSales(), setup);
        Figures.Table times = table(new Figures.Table(String.format("Dashboard — report GETs on %,d sales, one client",
                options.dashboardSales()), "URL", "samples", "p50 ms", "p95 ms", "max ms", "errors"));
        DashboardScenario.time(app, http, company, options.dashboardUrls(), options.dashboardSamples(), times);
        invariants(app, "dashboard company", List.of(company), false);
    }

    private void scan(BenchApp app) throws Exception {
        Figures.Table setup = table(new Figures.Table("Scan — data", "what", "size", "time", "note"));
        RushData.Company company = ScanScenario.create(app, options.tenants() + 1, options.scanItems(), setup);
        Figures.Table times = table(new Figures.Table(String.format("Scan — barcode lookups among %,d items, one till",
                options.scanItems()), "lookup", "samples", "p50 ms", "p95 ms", "p99 ms", "max ms", "lookups/s", "errors"));
        ScanScenario.time(app, http, company, options.scanLookups(), times);
    }

    private Phases table(Phases phases) {
        tables.add(phases.table());
        return phases;
    }

    private Figures.Table table(Figures.Table table) {
        tables.add(table);
        return table;
    }

    private static Figures.Table latencyTable(String title) {
        return new Figures.Table(title, "clients", "sales/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "sales", "errors");
    }

    private static void latencyRow(Figures.Table table, LoadRun.Result r) {
        table.row(r.clients(), rate(r.perSecond()), DashboardScenario.ms(r.percentileMs(50)),
                DashboardScenario.ms(r.percentileMs(95)), DashboardScenario.ms(r.percentileMs(99)),
                DashboardScenario.ms(r.maxMs()), String.format("%,d", r.ok()), r.errorSummary());
    }

    private String preamble(BenchApp app, PgBench pgbench) throws Exception {
        StringBuilder out = new StringBuilder(Figures.machine()).append("\n\n");
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            out.append("PostgreSQL: ").append(BenchSql.text(s, "SELECT version()")).append("\n\n");
            out.append("PostgreSQL settings: ");
            try (ResultSet r = s.executeQuery("""
                    SELECT name || '=' || setting || coalesce(unit, '') FROM pg_settings
                    WHERE name IN ('shared_buffers', 'max_connections', 'fsync', 'synchronous_commit', 'full_page_writes',
                                   'wal_level', 'work_mem', 'max_wal_size', 'checkpoint_timeout', 'jit',
                                   'shared_preload_libraries')
                    ORDER BY name""")) {
                List<String> settings = new ArrayList<>();
                while (r.next()) {
                    settings.add(r.getString(1));
                }
                out.append(String.join(", ", settings)).append(" (server defaults; Bodega's own connections run with jit=off, "
                        + "seed 000 and pgbench with these)\n\n");
            }
        }
        out.append("Database: ").append(options.dbUrl() == null ? "embedded" : options.dbUrl()).append("\n\n");
        out.append("pgbench: ").append(pgbench == null ? "not run" : pgbench.version()).append("\n\n");
        out.append("Bodega: commit ").append(gitCommit()).append(", database pool ")
                .append(app.property("bodega.db.pool-size")).append(" connections, Tomcat max threads ")
                .append(app.property("server.tomcat.threads.max") == null ? "200 (default)" : app.property("server.tomcat.threads.max"))
                .append(", in the same JVM as the load clients (HttpURLConnection, HTTP/1.1, keep-alive)\n\n");
        out.append(String.format("Run: clients %s, %d s per level after %d s warm-up; %d companies × %,d items × 2 stores, "
                        + "%,d customers each; baskets of 1–5 distinct items (Zipf %.2f), 1–3 units, %d%% to a customer, "
                        + "%d%% by card; one invoice series per till; seed 000 and pgbench on the same server%s",
                options.clients().stream().map(String::valueOf).collect(Collectors.joining(",")), options.seconds(),
                options.warmup(), options.tenants(), options.items(), options.customers(), options.zipf(),
                Baskets.CUSTOMER_PERCENT, Baskets.CARD_PERCENT, options.profile() ? "; profiled (pg_stat_statements loaded)" : ""));
        return out.toString();
    }

    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String seconds(long startNanos) {
        return seconds(ImportBenchmark.seconds(startNanos));
    }

    private static String seconds(double seconds) {
        return String.format("%.1f s", seconds);
    }

    private static String rate(double perSecond) {
        return String.format("%,.0f", perSecond);
    }
}
