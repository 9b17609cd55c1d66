package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.Multipart;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening stock from CSV: the error report, all-or-nothing against skip-invalid, batches, the ledger invariant. */
@BodegaTest
class OpeningBalanceImportTest {

    private static final String PATH = "/api/v1/stock/opening-balance/import";

    /** Three good rows (2, 9, 10) and six bad ones, one of them bad twice. */
    private static final String MIXED = """
            location,sku,quantity,unit_cost,bin,min_stock
            Bodega Central,PZ-1,10,2.50,A-01,3
            Marte,PZ-1,5,,,
            Bodega Central,NOPE,5,,,
            Bodega Central,PZ-2,1.5,,,
            Bodega Central,CABLE,-2,,,
            Taller,CABLE,2.25,-1,,
            Taller,PZ-2,abc,,,x
            bodega central,cable,12.75,4,R-7,
            Taller,PZ-2,0,,T-3,4
            """;

    private static final List<String> MIXED_ERRORS = List.of(
            "3|location|Ubicación desconocida: Marte.",
            "4|sku|SKU desconocido: NOPE.",
            "5|quantity|Admite como máximo 0 decimales.",
            "6|quantity|No puede ser negativo.",
            "7|unit_cost|No puede ser negativo.",
            "8|quantity|No es un número: abc.",
            "8|min_stock|No es un número: x.");

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    private record Setup(TestFixtures.Tenant tenant, UUID central, UUID workshop, UUID pz1, UUID pz2, UUID cable) {
    }

    private Setup setup() {
        var tenant = fixtures.tenant();
        return new Setup(tenant, stock.location(tenant, "Bodega Central"), stock.location(tenant, "Taller"),
                stock.item(tenant, "PZ-1", "pcs", BigDecimal.ZERO), stock.item(tenant, "PZ-2", "pcs", BigDecimal.ZERO),
                stock.item(tenant, "CABLE", "m", BigDecimal.ZERO));
    }

    @Test
    void allOrNothingReportsEveryBadRowAndImportsNothing() {
        var s = setup();
        JsonNode job = importFile(s.tenant().adminKey(), MIXED, "all_or_nothing");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("mode").asString()).isEqualTo("all_or_nothing");
        assertThat(job.get("rowsRead").asInt()).isEqualTo(9);
        assertThat(job.get("rowsImported").asInt()).isZero();
        assertThat(job.get("errorCount").asInt()).isEqualTo(7);
        assertThat(errors(job)).containsExactlyElementsOf(MIXED_ERRORS);
        assertThat(stock.onHand(s.tenant(), s.central(), s.pz1())).isEqualByComparingTo("0");
        assertThat(stock.onHand(s.tenant(), s.central(), s.cable())).isEqualByComparingTo("0");
        assertThat(count(s.tenant(), "SELECT count(*) FROM stock_ledger")).isZero();
        assertThat(count(s.tenant(), "SELECT count(*) FROM stock_levels WHERE bin IS NOT NULL")).isZero();
    }

    @Test
    void skipInvalidImportsTheGoodRowsAndReportsTheOthers() {
        var s = setup();
        JsonNode job = importFile(s.tenant().adminKey(), MIXED, "skip_invalid");

        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("rowsImported").asInt()).isEqualTo(3);
        assertThat(job.get("postings").asInt()).isEqualTo(1);
        assertThat(errors(job)).containsExactlyElementsOf(MIXED_ERRORS);

        assertThat(stock.onHand(s.tenant(), s.central(), s.pz1())).isEqualByComparingTo("10");
        assertThat(stock.onHand(s.tenant(), s.central(), s.cable())).isEqualByComparingTo("12.75");
        assertThat(stock.onHand(s.tenant(), s.workshop(), s.pz2())).isEqualByComparingTo("0");
        assertThat(level(s.tenant(), s.central(), s.pz1())).isEqualTo("A-01|3.000|2.5000");
        assertThat(level(s.tenant(), s.central(), s.cable())).isEqualTo("R-7|null|4.0000");
        // A zero quantity posts nothing but still sets the level's bin and minimum (and its low-stock flag).
        assertThat(level(s.tenant(), s.workshop(), s.pz2())).isEqualTo("T-3|4.000|0.0000");
        assertThat(count(s.tenant(), "SELECT count(*) FROM stock_levels WHERE below_min")).isEqualTo(1);
        assertThat(count(s.tenant(), "SELECT count(*) FROM stock_ledger WHERE movement_type = 'opening_balance'"))
                .isEqualTo(2);
        assertThat(stock.ledgerMismatches(s.tenant())).isZero();
    }

    @Test
    void everyFiveHundredRowsAreOnePostingAndTheLedgerMatchesTheLevels() {
        var tenant = fixtures.tenant();
        stock.location(tenant, "Bodega Central");
        int rows = 1_200;
        stock.asAdmin(tenant, () -> jdbc.sql("""
                        INSERT INTO items (tenant_id, id, sku, name, unit_code, kind, cost_price)
                        SELECT :t, gen_random_uuid(), 'BULK-' || n, 'Bulk ' || n, 'kg', 'bulk_material', 3
                        FROM generate_series(1, :rows) AS n""")
                .param("t", tenant.id()).param("rows", rows).update());
        StringBuilder csv = new StringBuilder("location;sku;quantity;unit_cost\n");
        BigDecimal expected = BigDecimal.ZERO;
        for (int n = 1; n <= rows; n++) {
            BigDecimal quantity = new BigDecimal(n % 7 + 1).add(new BigDecimal("0.25"));
            expected = expected.add(quantity);
            // Semicolon-separated with decimal commas, as a Spanish-locale spreadsheet saves it.
            csv.append("Bodega Central;BULK-").append(n).append(';').append(quantity.toPlainString().replace('.', ','))
                    .append(";1,5\n");
        }

        JsonNode job = importFile(tenant.adminKey(), csv.toString(), "all_or_nothing");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("rowsImported").asInt()).isEqualTo(rows);
        assertThat(job.get("errorCount").asInt()).isZero();
        assertThat(job.get("postings").asInt()).isEqualTo(3);
        assertThat(count(tenant, "SELECT count(DISTINCT posting_id) FROM stock_ledger")).isEqualTo(3);
        assertThat(count(tenant, "SELECT count(*) FROM stock_ledger")).isEqualTo(rows);
        assertThat(count(tenant, "SELECT max(n) FROM (SELECT count(*) AS n FROM stock_ledger GROUP BY posting_id) p"))
                .isEqualTo(500);
        BigDecimal total = stock.asAdmin(tenant, () -> jdbc.sql("SELECT sum(on_hand) FROM stock_levels")
                .query(BigDecimal.class).single());
        assertThat(total).isEqualByComparingTo(expected);
        assertThat(count(tenant, "SELECT count(*) FROM stock_levels WHERE avg_cost <> 1.5")).isZero();
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void aLevelGetsOneOpeningBalance() {
        var s = setup();
        importFile(s.tenant().adminKey(), "location,sku,quantity\nBodega Central,PZ-1,4\n", "all_or_nothing");

        JsonNode job = importFile(s.tenant().adminKey(), """
                location,sku,quantity
                Taller,PZ-1,2
                Taller,pz-1,3
                Bodega Central,PZ-1,5
                """, "skip_invalid");

        assertThat(errors(job)).containsExactly(
                "3|sku|La misma ubicación y SKU ya aparecen en la línea 2.",
                "4|sku|Este artículo ya tiene existencias o movimientos en esa ubicación: corríjalas con un ajuste.");
        assertThat(stock.onHand(s.tenant(), s.workshop(), s.pz1())).isEqualByComparingTo("2");
        assertThat(stock.onHand(s.tenant(), s.central(), s.pz1())).isEqualByComparingTo("4");
    }

    @Test
    void aFileWithoutTheRequiredColumnsFailsAsAWhole() {
        var s = setup();
        JsonNode job = importFile(s.tenant().adminKey(), "location,sku,amount\nBodega Central,PZ-1,4\n", "skip_invalid");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("failure").asString()).contains("quantity");
        assertThat(errors(job)).containsExactly("1|quantity|Falta la columna quantity.");
        assertThat(stock.onHand(s.tenant(), s.central(), s.pz1())).isEqualByComparingTo("0");
    }

    @Test
    void aFileThatIsNotCsvFailsWithoutImportingAnything() {
        var s = setup();
        JsonNode job = importFile(s.tenant().adminKey(),
                "location,sku,quantity\nBodega Central,PZ-1,4\n\"Bodega Central,PZ-2,5\n", "all_or_nothing");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("failure").asString()).startsWith("El archivo no es un CSV legible");
        assertThat(stock.onHand(s.tenant(), s.central(), s.pz1())).isEqualByComparingTo("0");
    }

    @Test
    void uploadsAreCheckedAndNeedThePermission() {
        var s = setup();
        var empty = Multipart.upload(api, s.tenant().adminKey(), PATH, Map.of(), "empty.csv", "");
        assertThat(empty.status()).isEqualTo(422);
        var badMode = Multipart.upload(api, s.tenant().adminKey(), PATH, Map.of("mode", "maybe"), "x.csv", "a\n");
        assertThat(badMode.status()).isEqualTo(422);

        UUID seller = fixtures.user(s.tenant(), "seller@" + s.tenant().slug() + ".test", "seller");
        String sellerKey = fixtures.apiKey(s.tenant(), seller, Set.of("inventory.read"), List.of("inventory.read"));
        assertThat(Multipart.upload(api, sellerKey, PATH, Map.of(), "x.csv", "location,sku,quantity\n").status())
                .isEqualTo(403);
        assertThat(api.get(s.tenant().adminKey(), PATH + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private JsonNode importFile(String key, String csv, String mode) {
        var started = Multipart.upload(api, key, PATH, Map.of("mode", mode), "stock.csv", csv);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asString();
        assertThat(started.header("Location")).isEqualTo(PATH + "/" + id);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = api.get(key, PATH + "/" + id).json();
            String status = job.get("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("Import " + id + " did not finish");
    }

    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("line").asLong() + "|"
                + (e.has("column") ? e.get("column").asString() : null) + "|" + e.get("message").asString()));
        return errors;
    }

    /** bin|min_stock|avg_cost of a level. */
    private String level(TestFixtures.Tenant tenant, UUID location, UUID item) {
        return stock.asAdmin(tenant, () -> jdbc.sql("""
                        SELECT coalesce(bin, 'null') || '|' || coalesce(min_stock::text, 'null') || '|' || avg_cost
                        FROM stock_levels WHERE location_id = :l AND item_id = :i""")
                .param("l", location).param("i", item).query(String.class).single());
    }

    private long count(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query(Long.class).single());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
