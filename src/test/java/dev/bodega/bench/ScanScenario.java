package dev.bodega.bench;

import java.net.http.HttpClient;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * The scan scenario: a company with 100,000 items (each with a barcode and
 * stock at both stores) and one till scanning random barcodes, through the
 * catalog's lookup and through the POS lookup (item, price and stock here).
 */
final class ScanScenario {

    private ScanScenario() {
    }

    static RushData.Company create(BenchApp app, int index, int items, Figures.Table table) throws SQLException {
        long start = System.nanoTime();
        RushData.Company company = RushData.company(app, index, "scan", items, 0, 100);
        BenchSql.execute(app, "ANALYZE items");
        BenchSql.execute(app, "ANALYZE stock_levels");
        table.row("setup: items with barcodes, opening stock at 2 stores", String.format("%,d items", items),
                String.format("%.1f s", ImportBenchmark.seconds(start)), "set-based SQL, stock through the ledger");
        return company;
    }

    static void time(BenchApp app, HttpClient http, RushData.Company company, int lookups, Figures.Table table)
            throws Exception {
        HttpGets gets = new HttpGets(http, app.baseUrl(), company.tenant().apiKey());
        SplittableRandom random = new SplittableRandom(11);
        long base = RushData.barcodeBase(company.index());
        int items = company.items().size();
        String store = company.locations().get(0).toString();
        row(table, "catalog `GET /api/v1/items/by-barcode/{code}`",
                gets.time(() -> "/api/v1/items/by-barcode/" + (base + random.nextInt(items)), lookups));
        row(table, "POS `GET /api/v1/sales/lookup?code={code}&locationId={store}`",
                gets.time(() -> "/api/v1/sales/lookup?code=" + (base + random.nextInt(items)) + "&locationId=" + store, lookups));
    }

    private static void row(Figures.Table table, String what, LoadRun.Result r) {
        table.row(what, String.format("%,d", r.ok()), DashboardScenario.ms(r.percentileMs(50)),
                DashboardScenario.ms(r.percentileMs(95)), DashboardScenario.ms(r.percentileMs(99)),
                DashboardScenario.ms(r.maxMs()), String.format("%,.0f", r.perSecond()), r.errorSummary());
    }
}
