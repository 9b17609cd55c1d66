package dev.bodega.bench;

import java.net.http.HttpClient;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The dashboard scenario: one company with two years of sales history
 * (default 1,000,000 sales, 1–5 lines each, 40% to one of 10,000 customers)
 * written with set-based SQL straight into sales, sale_lines and
 * sale_payments — consistent with the schema (totals, gapless numbers,
 * customer totals) but not in the stock ledger, since only report queries are
 * measured — then p50/p95 of GETs of the report URLs, one client.
 */
final class DashboardScenario {

    /**
     * Report URLs timed by default. Placeholders: {today}, {from30}, {from365} (dates in the company's zone),
     * {customerId} (a random customer), {itemId} (a random item), {locationId} (the first store).
     */
    static final List<String> DEFAULT_URLS = List.of(
            "/api/v1/reports/sales-dashboard",
            "/api/v1/reports/sales-today",
            "/api/v1/reports/sales-per-day?from={from30}&to={today}",
            "/api/v1/reports/top-items?from={from30}&to={today}",
            "/api/v1/reports/sales-by-payment-method?from={from30}&to={today}",
            "/api/v1/reports/customers/{customerId}/purchases",
            "/api/v1/sales?from={from30}&to={today}",
            "/api/v1/sales?from={from365}&to={today}&status=completed&limit=100",
            "/api/v1/sales?customerId={customerId}",
            "/api/v1/customers/{customerId}",
            "/api/v1/customers/{customerId}/sales",
            "/api/v1/reports/low-stock",
            "/api/v1/reports/stock-valuation");

    static final int ITEMS = 1000;
    static final int CUSTOMERS = 10_000;
    private static final ZoneId ZONE = ZoneId.of("America/Bogota");

    private DashboardScenario() {
    }

    static RushData.Company generate(BenchApp app, int index, long sales, Figures.Table table) throws SQLException {
        RushData.Company company = RushData.company(app, index, "dashboard", ITEMS, CUSTOMERS, 1000);
        UUID t = company.tenant().id();
        long start = System.nanoTime();
        long lines = BenchSql.inTenant(app, t, s -> history(s, company, sales));
        double generated = ImportBenchmark.seconds(start);
        start = System.nanoTime();
        // Two years of sales are long vacuumed: without this, the autovacuum that a million fresh rows trigger
        // (and the first reads' hint bits) would run during the timed GETs.
        BenchSql.execute(app, "VACUUM (ANALYZE) sales, sale_lines, sale_payments, customers");
        table.row("history: sales, lines, payments, customer totals", String.format("%,d sales, %,d lines", sales, lines),
                String.format("%.1f s + %.1f s VACUUM ANALYZE", generated, ImportBenchmark.seconds(start)),
                "set-based SQL; not in the stock ledger");
        return company;
    }

    private static long history(Statement s, RushData.Company company, long sales) throws SQLException {
        UUID t = company.tenant().id();
        String uuid = BenchSql.uuid7("ts");
        s.execute("SELECT setseed(0.5)");
        step(s, "invoice series", """
                INSERT INTO invoice_series (tenant_id, id, code, location_id, is_default)
                SELECT '%s', gen_random_uuid(), 'F00' || n, id, true
                FROM (SELECT id, row_number() OVER (ORDER BY name) AS n FROM locations WHERE tenant_id = '%1$s') l"""
                .formatted(t));
        step(s, "stores", """
                CREATE TEMP TABLE dash_stores ON COMMIT DROP AS
                SELECT (row_number() OVER (ORDER BY l.name) - 1)::int AS store, l.id AS location_id, sr.id AS series_id
                FROM locations l JOIN invoice_series sr ON sr.tenant_id = l.tenant_id AND sr.location_id = l.id
                WHERE l.tenant_id = '%s'""".formatted(t));
        step(s, "items", """
                CREATE TEMP TABLE dash_items ON COMMIT DROP AS
                SELECT (row_number() OVER (ORDER BY sku) - 1)::int AS rank, id, sku, name, sale_price, cost_price
                FROM items WHERE tenant_id = '%s'""".formatted(t));
        step(s, "customers", """
                CREATE TEMP TABLE dash_customers ON COMMIT DROP AS
                SELECT (row_number() OVER (ORDER BY document_number) - 1)::int AS n, id FROM customers WHERE tenant_id = '%s'"""
                .formatted(t));
        // Evenly over the last two years, in time order; 40% to a customer, 40% by card.
        step(s, "sales plan", """
                CREATE TEMP TABLE dash_sales ON COMMIT DROP AS
                SELECT n, ts, %1$s AS id, (n %% 2)::int AS store,
                       CASE WHEN random() < 0.4 THEN floor(random() * %2$d)::int END AS customer,
                       1 + floor(random() * 5)::int AS lines, random() < 0.4 AS card
                FROM (SELECT n, now() - interval '730 days' + n * (interval '730 days' / %3$d) AS ts
                      FROM generate_series(0, %3$d - 1) n) g""".formatted(uuid, CUSTOMERS, sales));
        // Item ranks log-uniform (popularity about 1/rank, like the rush's Zipf), 1–3 units each.
        step(s, "lines plan", """
                CREATE TEMP TABLE dash_lines ON COMMIT DROP AS
                SELECT l.n, l.ts, l.position, i.id AS item_id, i.sku, i.name, i.sale_price AS unit_price, i.cost_price,
                       l.quantity, round(l.quantity * i.sale_price, 2) AS subtotal,
                       round(round(l.quantity * i.sale_price, 2) * %1$s / (100 + %1$s), 2) AS tax
                FROM (SELECT s.n, s.ts, p AS position, 1 + floor(random() * 3)::int AS quantity,
                             least(floor(exp(random() * ln(%2$d + 1)))::int - 1, %2$d - 1) AS rank
                      FROM dash_sales s, generate_series(1, s.lines) p) l
                JOIN dash_items i ON i.rank = l.rank""".formatted(RushData.TAX_RATE, ITEMS));
        // Temporary tables have no statistics until analysed; without them the joins below become nested loops.
        step(s, "analyse plans", "ANALYZE dash_stores, dash_items, dash_customers, dash_sales, dash_lines");
        step(s, "sales", """
                INSERT INTO sales (tenant_id, id, status, location_id, series_id, invoice_number, customer_id, user_id,
                                   currency, prices_include_tax, subtotal, sale_discount, discount, tax, total, tendered,
                                   change_due, payment_method, sale_date, completed_at, created_at, updated_at)
                SELECT '%s', s.id, 'completed', st.location_id, st.series_id,
                       row_number() OVER (PARTITION BY s.store ORDER BY s.n), c.id, '%s', 'USD', true, a.subtotal, 0, 0,
                       a.tax, a.subtotal, a.subtotal, 0, CASE WHEN s.card THEN 'card' ELSE 'cash' END, s.ts, s.ts, s.ts, s.ts
                FROM dash_sales s
                JOIN (SELECT n, sum(subtotal) AS subtotal, sum(tax) AS tax FROM dash_lines GROUP BY n) a ON a.n = s.n
                JOIN dash_stores st ON st.store = s.store
                LEFT JOIN dash_customers c ON c.n = s.customer
                ORDER BY s.n""".formatted(t, company.tenant().adminId()));
        long lines = step(s, "lines", """
                INSERT INTO sale_lines (tenant_id, id, sale_id, position, item_id, item_name, item_sku, quantity, unit_price,
                                        subtotal, discount_percent, discount, sale_discount, tax_rate, tax, total, unit_cost)
                SELECT '%s', %s, s.id, l.position, l.item_id, l.name, l.sku, l.quantity, l.unit_price, l.subtotal, 0, 0, 0,
                       %s, l.tax, l.subtotal, l.cost_price
                FROM dash_lines l JOIN dash_sales s ON s.n = l.n
                ORDER BY l.n, l.position""".formatted(t, BenchSql.uuid7("l.ts"), RushData.TAX_RATE));
        step(s, "payments", """
                INSERT INTO sale_payments (tenant_id, id, sale_id, position, method, amount, tendered, change_due, created_at)
                SELECT tenant_id, %s, id, 1, payment_method, total, total, 0, sale_date
                FROM sales WHERE tenant_id = '%s' ORDER BY sale_date""".formatted(BenchSql.uuid7("sale_date"), t));
        step(s, "series numbers", """
                UPDATE invoice_series sr SET next_number = x.last + 1
                FROM (SELECT series_id, max(invoice_number) AS last FROM sales WHERE tenant_id = '%1$s' GROUP BY series_id) x
                WHERE sr.tenant_id = '%1$s' AND sr.id = x.series_id""".formatted(t));
        step(s, "customer totals", """
                UPDATE customers c SET total_purchases = x.total, purchase_count = x.purchases, last_purchase_at = x.last
                FROM (SELECT customer_id, sum(total - refunded) AS total, count(*) AS purchases, max(completed_at) AS last
                      FROM sales WHERE tenant_id = '%1$s' AND status = 'completed' AND customer_id IS NOT NULL
                      GROUP BY customer_id) x
                WHERE c.tenant_id = '%1$s' AND c.id = x.customer_id""".formatted(t));
        return lines;
    }

    /** One statement of the generation, its time printed: a slow step shows which. */
    private static long step(Statement s, String name, String sql) throws SQLException {
        long start = System.nanoTime();
        long rows = s.executeUpdate(sql);
        System.out.printf("dashboard history, %s: %,d rows in %.1f s%n", name, rows, ImportBenchmark.seconds(start));
        return rows;
    }

    /** p50/p95 of each URL, placeholders drawn afresh for every request. */
    static void time(BenchApp app, HttpClient http, RushData.Company company, List<String> urls, int samples,
                     Figures.Table table) throws Exception {
        HttpGets gets = new HttpGets(http, app.baseUrl(), company.tenant().apiKey());
        SplittableRandom random = new SplittableRandom(7);
        for (String url : urls) {
            LoadRun.Result r = gets.time(() -> expand(url, company, random), samples);
            table.row("`" + url + "`", String.format("%,d", r.ok()), ms(r.percentileMs(50)), ms(r.percentileMs(95)),
                    ms(r.maxMs()), r.errorSummary());
        }
    }

    static String expand(String url, RushData.Company company, SplittableRandom random) {
        LocalDate today = LocalDate.now(ZONE);
        List<String[]> values = new ArrayList<>(List.of(
                new String[]{"{today}", today.toString()},
                new String[]{"{from30}", today.minusDays(30).toString()},
                new String[]{"{from365}", today.minusDays(365).toString()},
                new String[]{"{locationId}", company.locations().get(0).toString()}));
        if (!company.customers().isEmpty()) {
            values.add(new String[]{"{customerId}", company.customers().get(random.nextInt(company.customers().size())).toString()});
        }
        values.add(new String[]{"{itemId}", company.items().get(random.nextInt(company.items().size())).toString()});
        String expanded = url;
        for (String[] v : values) {
            expanded = expanded.replace(v[0], v[1]);
        }
        return expanded;
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "–" : String.format("%.1f", value);
    }
}
