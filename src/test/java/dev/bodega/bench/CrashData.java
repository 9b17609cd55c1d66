package dev.bodega.bench;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash suite's company: signed up through Bodega's API (the application runs in another process), then
 * filled as the superuser, as the rush's companies are: an API key, two stores, items whose low-stock minimum
 * sales keep crossing, customers, one invoice series per till, opening stock through the ledger.
 */
final class CrashData {

    static final int ITEMS = 12;
    static final int CUSTOMERS = 8;
    static final int OPENING = 40;
    static final int MINIMUM = 30;

    record Company(UUID tenantId, String apiKey, List<UUID> stores, List<UUID> items, List<UUID> customers,
                   List<UUID> series) {
    }

    private CrashData() {
    }

    /** Item {@code rank}'s price (taxes included), in cents. */
    static long priceCents(int rank) {
        return 500 + rank * 125L;
    }

    static Company create(String baseUrl, DataSource superuser, int tills) throws Exception {
        UUID tenant = signUp(baseUrl);
        String key = "bdg_crash" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT set_config('app.tenant_id', '" + tenant + "', true)");
            s.execute("UPDATE tenants SET tax_rate = 19, prices_include_tax = true, currency = 'USD' WHERE id = '" + tenant + "'");
            s.execute("""
                    INSERT INTO api_keys (tenant_id, id, user_id, name, prefix, key_hash, permissions)
                    SELECT tenant_id, gen_random_uuid(), id, 'crash suite', '%s', '%s', '{*}' FROM users
                    WHERE tenant_id = '%s'""".formatted(key.substring(0, 12), sha256(key), tenant));
            s.execute("""
                    INSERT INTO api_key_lookup (key_hash, tenant, key_id)
                    SELECT key_hash, tenant_id, id FROM api_keys WHERE tenant_id = '%s' AND key_hash = '%s'"""
                    .formatted(tenant, sha256(key)));
            s.execute("""
                    INSERT INTO alert_subscriptions (tenant_id, user_id, alert_type)
                    SELECT tenant_id, id, 'low_stock' FROM users WHERE tenant_id = '%s' ON CONFLICT DO NOTHING""".formatted(tenant));
            s.execute("""
                    INSERT INTO locations (tenant_id, id, name, kind)
                    SELECT '%s', %s, 'Tienda ' || n, 'store' FROM generate_series(1, 2) n""".formatted(tenant, BenchSql.uuid7("now()")));
            s.execute("""
                    INSERT INTO items (tenant_id, id, sku, name, unit_code, kind, cost_price, sale_price, min_stock)
                    SELECT '%s', %s, 'C-' || lpad(n::text, 3, '0'), 'Artículo ' || n, 'pcs', 'consumable',
                           (500 + n * 125) / 200.0, (500 + n * 125) / 100.0, %d
                    FROM generate_series(0, %d - 1) n""".formatted(tenant, BenchSql.uuid7("now()"), MINIMUM, ITEMS));
            s.execute("""
                    INSERT INTO customers (tenant_id, id, document_type, document_number, first_name, last_name)
                    SELECT '%s', %s, 'CC', (20000000 + n)::text, 'Cliente', 'Número ' || n
                    FROM generate_series(0, %d - 1) n""".formatted(tenant, BenchSql.uuid7("now()"), CUSTOMERS));
            List<UUID> stores = BenchSql.uuids(s, "SELECT id FROM locations WHERE tenant_id = '" + tenant + "' ORDER BY name");
            openingStock(s, tenant);
            List<UUID> series = new ArrayList<>();
            for (int k = 0; k < tills; k++) {
                UUID id = UUID.randomUUID();
                s.execute("""
                        INSERT INTO invoice_series (tenant_id, id, code, location_id, is_default)
                        VALUES ('%s', '%s', 'K%03d', '%s', false)""".formatted(tenant, id, k + 1, stores.get(k % 2)));
                series.add(id);
            }
            Company company = new Company(tenant, key, stores,
                    BenchSql.uuids(s, "SELECT id FROM items WHERE tenant_id = '" + tenant + "' ORDER BY sku"),
                    BenchSql.uuids(s, "SELECT id FROM customers WHERE tenant_id = '" + tenant + "' ORDER BY document_number"),
                    series);
            c.commit();
            return company;
        }
    }

    /** One posting; the ledger trigger creates and fills the levels (as RushData's opening stock). */
    private static void openingStock(Statement s, UUID tenant) throws SQLException {
        UUID posting = UUID.randomUUID();
        s.execute("INSERT INTO stock_postings (tenant_id, id, kind, note) VALUES ('%s', '%s', 'opening_balance', 'crash suite')"
                .formatted(tenant, posting));
        s.execute("""
                INSERT INTO stock_ledger (tenant_id, id, posting_id, location_id, item_id, movement_type, quantity,
                                          on_hand_before, on_hand_after, unit_cost)
                SELECT '%1$s', %2$s, '%3$s', l.id, i.id, 'opening_balance', %4$d, 0, 0, i.cost_price
                FROM locations l JOIN items i ON i.tenant_id = l.tenant_id
                WHERE l.tenant_id = '%1$s'
                ORDER BY l.id::text, i.id::text""".formatted(tenant, BenchSql.uuid7("now()"), posting, OPENING));
    }

    private static UUID signUp(String baseUrl) throws Exception {
        String slug = "crash-" + Long.toString(System.nanoTime(), 36);
        String body = """
                {"companyName":"Crash %1$s","slug":"%1$s","adminName":"Crash admin","email":"admin@%1$s.test",
                 "password":"crash-password","locale":"es"}""".formatted(slug);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/signup"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"tenantId\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Sign-up failed: " + response.statusCode() + " " + response.body());
        }
        return UUID.fromString(id.group(1));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
