package dev.bodega.bench;

import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/**
 * Opening stock for every (location, item): one ledger row each, through
 * Bodega's import (validation, postings of 500 lines, the ledger trigger),
 * next to COPY of the same file and an INSERT … SELECT into the same ledger.
 */
final class LedgerBenchmark {

    private LedgerBenchmark() {
    }

    static void run(BenchApp app, BenchApp.Tenant tenant, int locations, Path dir, Figures figures) throws Exception {
        BenchApp.Tenant copyTenant = tenantBySlug(app, "bench-copy");
        createLocations(app, copyTenant.id(), locations);
        Path csv = importOnly(app, tenant, locations, dir, figures);
        copyLedger(app, copyTenant.id(), csv, countLines(csv), figures);
    }

    /** Bodega's import of every (location, item) of {@code tenant}; returns the file it imported. */
    static Path importOnly(BenchApp app, BenchApp.Tenant tenant, int locations, Path dir, Figures figures) throws Exception {
        Path csv = dir.resolve("opening-balance.csv");
        createLocations(app, tenant.id(), locations);
        long rows = writeOpeningBalance(app, tenant.id(), locations, csv);

        long start = System.nanoTime();
        String job = ImportBenchmark.upload(app, tenant, "/api/v1/stock/opening-balance/import?mode=all_or_nothing", csv);
        String id = job.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        ImportBenchmark.awaitJob(app, tenant, "/api/v1/stock/opening-balance/import/" + id);
        figures.add("Bodega opening-stock import → ledger rows", rows, ImportBenchmark.seconds(start),
                "validated, postings of 500 lines");
        checkInvariant(app, tenant.id(), rows);
        return csv;
    }

    private static long countLines(Path csv) throws Exception {
        try (var lines = Files.lines(csv)) {
            return lines.count() - 1;
        }
    }

    private static BenchApp.Tenant tenantBySlug(BenchApp app, String slug) throws Exception {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM tenants WHERE slug = '" + slug + "'")) {
            r.next();
            return new BenchApp.Tenant(r.getObject(1, UUID.class), null, slug, null);
        }
    }

    private static void createLocations(BenchApp app, UUID tenant, int count) throws Exception {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO locations (tenant_id, id, name)
                    SELECT '%s', gen_random_uuid(), 'Bodega ' || n FROM generate_series(1, %d) n""".formatted(tenant, count));
        }
    }

    /** Every item of the tenant at every location, in the import's columns. */
    private static long writeOpeningBalance(BenchApp app, UUID tenant, int locations, Path csv) throws Exception {
        long rows = 0;
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement();
             BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            s.setFetchSize(10_000);
            c.setAutoCommit(false);
            ResultSet r = s.executeQuery("""
                    SELECT l.name, i.sku, u.decimals FROM locations l JOIN items i ON i.tenant_id = l.tenant_id
                    JOIN units u ON u.code = i.unit_code WHERE l.tenant_id = '%s' ORDER BY l.name, i.sku""".formatted(tenant));
            w.write("location,sku,quantity,unit_cost\n");
            while (r.next()) {
                String quantity = r.getInt(3) == 0 ? String.valueOf(10 + rows % 90) : (10 + rows % 90) + ".250";
                w.write(r.getString(1) + "," + r.getString(2) + "," + quantity + "," + (1 + rows % 50) + ".50\n");
                rows++;
            }
            c.commit();
        }
        if (rows != (long) locations * countItems(app, tenant)) {
            throw new IllegalStateException("unexpected row count " + rows);
        }
        return rows;
    }

    private static long countItems(BenchApp app, UUID tenant) throws Exception {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM items WHERE tenant_id = '" + tenant + "'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void checkInvariant(BenchApp app, UUID tenant, long rows) throws Exception {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT (SELECT count(*) FROM stock_ledger WHERE tenant_id = '%1$s'),
                            (SELECT count(*) FROM stock_ledger_mismatches WHERE tenant_id = '%1$s')""".formatted(tenant))) {
            r.next();
            System.out.printf("ledger rows: %,d (expected %,d); levels off the ledger sum: %d%n", r.getLong(1), rows, r.getLong(2));
            if (r.getLong(1) != rows || r.getLong(2) != 0) {
                throw new IllegalStateException("The import did not post exactly one consistent ledger row per line");
            }
        }
    }

    /** COPY into staging, then one posting of every row into stock_ledger with its trigger, in lock order. */
    private static void copyLedger(BenchApp app, UUID tenant, Path csv, long rows, Figures figures) throws Exception {
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE bench_opening_staging (location text, sku text, quantity text, unit_cost text,
                                                        line bigint GENERATED ALWAYS AS IDENTITY)""");
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(csv)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY bench_opening_staging (location, sku, quantity, unit_cost) FROM STDIN WITH (FORMAT csv, HEADER true)",
                        reader);
            }
            double copy = ImportBenchmark.seconds(start);
            figures.add("plain COPY of the file into a staging table", rows, copy, "no validation, no triggers");
            // Statistics that know the items just written: without them the join read every item of the company
            // for each staging row (650 rows/s at 200,000). Bodega's import gets none: its probes do not need them.
            s.execute("ANALYZE items, locations, bench_opening_staging");
            start = System.nanoTime();
            s.execute("CREATE INDEX ON bench_opening_staging (line)");
            c.setAutoCommit(false);
            UUID posting = UUID.randomUUID();
            s.execute("SELECT set_config('app.tenant_id', '%s', true)".formatted(tenant));
            s.execute("INSERT INTO stock_postings (tenant_id, id, kind) VALUES ('%s', '%s', 'opening_balance')".formatted(tenant, posting));
            // In statements of 10,000 rows (one statement per million rows grows slower with every row it adds), each
            // taken by its line numbers: OFFSET would sort the whole file again for every statement.
            for (long offset = 0; offset < rows; offset += 10_000) {
                s.execute("""
                        INSERT INTO stock_ledger (tenant_id, id, posting_id, location_id, item_id, movement_type, quantity,
                                                  on_hand_before, on_hand_after, unit_cost)
                        SELECT '%1$s', gen_random_uuid(), '%2$s', l.id, i.id, 'opening_balance', b.quantity::numeric, 0, 0,
                               b.unit_cost::numeric
                        FROM (SELECT location, lower(sku) AS sku_key, quantity, unit_cost FROM bench_opening_staging
                              WHERE line > %3$d AND line <= %3$d + 10000) b
                        JOIN locations l ON l.tenant_id = '%1$s' AND l.name = b.location
                        JOIN items i ON i.tenant_id = '%1$s' AND i.sku_key = b.sku_key AND i.deleted_at IS NULL
                        ORDER BY l.id::text, i.id::text""".formatted(tenant, posting, offset));
            }
            c.commit();
            figures.add("COPY + INSERT … SELECT into stock_ledger (same trigger)", rows, copy + ImportBenchmark.seconds(start),
                    "one posting, statements of 10,000 rows, no validation");
            c.setAutoCommit(true);
            s.execute("DROP TABLE bench_opening_staging");
        }
    }
}
