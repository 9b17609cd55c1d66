package dev.bodega.bench;

import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 3's import benchmark: items from CSV through Bodega's import, and
 * the same file loaded with plain COPY into the same database, in one run.
 * Usage: bench/import.sh [items=100000] [locations=10] [markdown-file]
 */
public final class ImportBenchmark {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int locations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path out = args.length > 2 ? Path.of(args[2]) : null;
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path itemsCsv = dir.resolve("items.csv");
        writeItems(itemsCsv, items);

        Figures figures = new Figures("Import");
        try (BenchApp app = BenchApp.start("target/bench/db")) {
            BenchApp.Tenant tenant = app.tenant("bench-import");
            long start = System.nanoTime();
            importItems(app, tenant, itemsCsv);
            figures.add("Bodega item import (HTTP upload → job done)", items, seconds(start), "all_or_nothing, upsert by SKU");
            copyItems(app, itemsCsv, items, figures);
            LedgerBenchmark.run(app, tenant, locations, dir, figures);
        }
        System.out.println(Figures.machine());
        if (out != null) {
            figures.write(out, "Bodega import benchmark");
            System.out.println("Written to " + out.toAbsolutePath());
        }
    }

    static void writeItems(Path file, int count) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("sku,name,description,barcode,brand,category,kind,unit,cost_price,sale_price,min_stock,max_stock\n");
            for (int i = 0; i < count; i++) {
                boolean bulk = i % 10 == 0;
                w.write(String.format("BN-%07d,Artículo de prueba %d,Descripción del artículo %d para la búsqueda,%013d,Marca %d,"
                                + "Categoría %d/Sub %d,%s,%s,%d.%02d,%d.%02d,%d,%d%n",
                        i, i, i, 7_700_000_000_000L + i, i % 50, i % 20, i % 7, bulk ? "bulk_material" : "consumable",
                        bulk ? "kg" : "pcs", 1 + i % 90, i % 100, 2 + i % 150, i % 100, i % 5, 50 + i % 50));
            }
        }
    }

    private static void importItems(BenchApp app, BenchApp.Tenant tenant, Path csv) throws Exception {
        String job = upload(app, tenant, "/api/v1/items/import?mode=all_or_nothing", csv);
        String location = job.replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
        awaitJob(app, tenant, "/api/v1/items/import/" + location);
    }

    /** Uploads a file as multipart/form-data, streamed from disk; returns the response body. */
    static String upload(BenchApp app, BenchApp.Tenant tenant, String path, Path file) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .header("Authorization", "Bearer " + tenant.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Upload refused: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static void awaitJob(BenchApp app, BenchApp.Tenant tenant, String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                    .header("Authorization", "Bearer " + tenant.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
            Matcher status = STATUS.matcher(response.body());
            String state = status.find() ? status.group(1) : "unknown";
            if (!state.equals("running") && !state.equals("queued") && !state.equals("pending")) {
                if (!state.equals("completed") && !state.equals("done") && !state.equals("succeeded")) {
                    throw new IllegalStateException("Import ended as " + state + ": " + response.body());
                }
                return;
            }
            Thread.sleep(200);
        }
    }

    /** The plain-SQL baseline: COPY the same file into a staging table, then INSERT … SELECT into items. */
    private static void copyItems(BenchApp app, Path csv, int count, Figures figures) throws Exception {
        BenchApp.Tenant other = app.tenant("bench-copy");
        try (Connection c = app.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE bench_items_staging (sku text, name text, description text, barcode text, brand text,
                        category text, kind text, unit text, cost_price text, sale_price text, min_stock text, max_stock text)""");
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(csv)) {
                c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_items_staging FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
            }
            double copy = seconds(start);
            figures.add("plain COPY of the file into a staging table", count, copy, "no validation, no triggers");
            start = System.nanoTime();
            // The items' triggers (price history, audit) write as the owner, under the company's row-level security.
            s.execute("SELECT set_config('app.tenant_id', '" + other.id() + "', false)");
            s.execute("""
                    INSERT INTO items (tenant_id, id, sku, name, description, barcode, brand, kind, unit_code,
                                       cost_price, sale_price, min_stock, max_stock)
                    SELECT '%s', gen_random_uuid(), sku, name, description, barcode, brand, kind, unit,
                           cost_price::numeric, sale_price::numeric, min_stock::numeric, max_stock::numeric
                    FROM bench_items_staging""".formatted(other.id()));
            figures.add("COPY + INSERT … SELECT into items (same table, same triggers)", count, copy + seconds(start),
                    "categories not resolved");
            s.execute("DROP TABLE bench_items_staging");
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private ImportBenchmark() {
    }
}
