package dev.bodega.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The rush benchmark's command line: {@code [--option value]... [out.md]}. */
record RushOptions(List<Integer> clients, int seconds, int warmup, int tenants, int items, int customers, double zipf,
                   Integer poolSize, String pgbench, Integer pgbenchScale, long dashboardSales, int dashboardSamples,
                   List<String> dashboardUrls, int scanItems, int scanLookups, Set<String> skip, boolean profile,
                   String dbUrl, String dbSuperuser, Path out) {

    static final Set<String> PARTS = Set.of("seed", "pgbench", "ceiling", "dashboard", "scan", "external");

    static final String USAGE = """
            Usage: bench/rush.sh [options] [out.md]
              --clients 1,8,32,64      concurrent tills per level
              --seconds 30             measured seconds per level (Bodega, seed 000, pgbench each)
              --warmup 10              untimed seconds of Bodega sales before the first level
              --tenants 10 --items 1000 --customers 500   the rush's companies (two stores each)
              --zipf 1.1               item popularity exponent
              --pool-size N            Bodega's database pool (bodega.db.pool-size, default 20)
              --pgbench PATH           pgbench executable (default: from the PATH)
              --pgbench-scale N        pgbench -i scale (default: the largest client count)
              --dashboard-sales 1000000 --dashboard-samples 50
              --dashboard-url URL      another report URL to time (repeatable; placeholders {today}, {from30},
                                       {from365}, {customerId}, {itemId}, {locationId})
              --scan-items 100000 --scan-lookups 2000
              --skip seed,pgbench,ceiling,dashboard,scan,external   (ceiling: GET /api/v1/me at each level;
                                       external: the same tills again as a separate process, bench/Tills.java)
              --profile                load pg_stat_statements and profile the sale path at each level
              --db-url URL             run Bodega on this database instead of an embedded one: freshly created or
                                       just migrated (a Citus coordinator after ops/citus/distribute.sh), roles from
                                       BODEGA_DB_*; seed 000 and pgbench are left out, --profile is refused
              --db-superuser postgres  a superuser of that server, for the setup SQL and the checks (PGPASSWORD)
            """;

    static RushOptions parse(String[] args) {
        List<Integer> clients = List.of(1, 8, 32, 64);
        int seconds = 30;
        int warmup = 10;
        int tenants = 10;
        int items = 1000;
        int customers = 500;
        double zipf = 1.1;
        Integer poolSize = null;
        String pgbench = null;
        Integer pgbenchScale = null;
        long dashboardSales = 1_000_000;
        int dashboardSamples = 50;
        List<String> urls = new ArrayList<>(DashboardScenario.DEFAULT_URLS);
        int scanItems = 100_000;
        int scanLookups = 2000;
        Set<String> skip = new TreeSet<>();
        boolean profile = false;
        String dbUrl = null;
        String dbSuperuser = "postgres";
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                out = Path.of(arg);
                continue;
            }
            if (arg.equals("--profile")) {
                profile = true;
                continue;
            }
            if (arg.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--clients" -> clients = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--tenants" -> tenants = Integer.parseInt(value);
                case "--items" -> items = Integer.parseInt(value);
                case "--customers" -> customers = Integer.parseInt(value);
                case "--zipf" -> zipf = Double.parseDouble(value);
                case "--pool-size" -> poolSize = Integer.valueOf(value);
                case "--pgbench" -> pgbench = value;
                case "--pgbench-scale" -> pgbenchScale = Integer.valueOf(value);
                case "--dashboard-sales" -> dashboardSales = Long.parseLong(value);
                case "--dashboard-samples" -> dashboardSamples = Integer.parseInt(value);
                case "--dashboard-url" -> urls.add(value);
                case "--scan-items" -> scanItems = Integer.parseInt(value);
                case "--scan-lookups" -> scanLookups = Integer.parseInt(value);
                case "--skip" -> skip.addAll(Arrays.stream(value.split(",")).map(String::trim).toList());
                case "--db-url" -> dbUrl = value;
                case "--db-superuser" -> dbSuperuser = value;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        if (!PARTS.containsAll(skip)) {
            throw new IllegalArgumentException("--skip takes " + PARTS + "\n" + USAGE);
        }
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1) || tenants < 1 || items < 5 || customers < 1) {
            throw new IllegalArgumentException("Clients, tenants and customers must be positive, items at least 5\n" + USAGE);
        }
        if (dbUrl != null) {
            if (profile) {
                throw new IllegalArgumentException("--profile restarts the embedded server: not with --db-url\n" + USAGE);
            }
            // Their databases would be made beside Bodega's on the embedded server only.
            skip.addAll(List.of("seed", "pgbench"));
        }
        return new RushOptions(List.copyOf(clients), seconds, warmup, tenants, items, customers, zipf, poolSize, pgbench,
                pgbenchScale, dashboardSales, dashboardSamples, List.copyOf(urls), scanItems, scanLookups, Set.copyOf(skip),
                profile, dbUrl, dbSuperuser, out);
    }

    boolean runs(String part) {
        return !skip.contains(part);
    }

    int maxClients() {
        return clients.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    /** Spring arguments for Bodega itself. */
    String[] appArguments() {
        return poolSize == null ? new String[0] : new String[]{"--bodega.db.pool-size=" + poolSize};
    }
}
