package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Physical counts through the API: a sale made during the count stays sold, one count_correction posting with exact
 * figures, the seed's summary, blind lines for counters, recounts, idempotent close, and every illegal move a 409
 * that changes nothing.
 */
@BodegaTest
class CountsApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;

    TestFixtures.Tenant tenant;
    String admin;
    UUID store;
    UUID brake;
    UUID chain;
    UUID bell;

    @BeforeEach
    void aStoreWithThreeItems() {
        tenant = fixtures.tenant();
        admin = tenant.adminKey();
        store = stock.location(tenant, "Tienda");
        brake = stock.item(tenant, "BRAKE-1", "pcs", BigDecimal.ZERO);
        chain = stock.item(tenant, "CHAIN-1", "pcs", BigDecimal.ZERO);
        bell = stock.item(tenant, "BELL-1", "pcs", BigDecimal.ZERO);
        receive(brake, 10);
        receive(chain, 4);
        receive(bell, 5);
    }

    @Test
    void aSaleDuringTheCountIsNotCorrectedAwayAndOnePostingCorrectsTheRest() {
        UUID count = open(Map.of("locationId", store, "scope", "full"));
        assertThat(get(count).get("count").get("listedItems").asInt()).isEqualTo(3);

        enter(count, "BRAKE-1", "8", null);      // snapshot 10: two missing
        enter(count, "chain-1", "6", "2");       // (4 + 2 loose) - 6 = 0: no difference
        enter(count, "BELL-1", "4", null);
        enter(count, "BELL-1", "3", null);       // entries add up: 7 found, snapshot 5: two more than the system
        // A sale of three brakes after they were counted, before the close.
        sell(brake, 3);
        assertThat(stock.onHand(tenant, store, brake)).isEqualByComparingTo("7");

        assertThat(api.post(admin, "/api/v1/stock/counts/" + count + "/submit", null).status()).isEqualTo(200);
        JsonNode review = get(count);
        assertThat(review.get("count").get("totalItems").asInt()).isEqualTo(3);
        assertThat(review.get("count").get("totalDifferences").asInt()).isEqualTo(2);
        assertThat(review.get("count").get("itemsWithLoose").asInt()).isEqualTo(1);
        JsonNode brakeLine = line(review, "BRAKE-1");
        assertThat(brakeLine.get("systemQuantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(brakeLine.get("difference").decimalValue()).isEqualByComparingTo("2");
        assertThat(brakeLine.get("movedSince").decimalValue()).isEqualByComparingTo("-3");
        assertThat(brakeLine.get("correction").decimalValue()).isEqualByComparingTo("-2");

        var closed = api.send(admin, "POST", "/api/v1/stock/counts/" + count + "/close", null,
                Map.of("Idempotency-Key", "close-" + count));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode entries = closed.json().get("posting").get("entries");
        assertThat(entries).hasSize(2);
        Map<String, BigDecimal> corrected = new HashMap<>();
        entries.forEach(e -> {
            assertThat(e.get("movementType").asString()).isEqualTo("COUNT_CORRECTION");
            corrected.put(e.get("itemId").asString(), e.get("quantity").decimalValue());
        });
        assertThat(corrected.get(brake.toString())).isEqualByComparingTo("-2");
        assertThat(corrected.get(bell.toString())).isEqualByComparingTo("2");

        // Counted 8, of which 3 sold since: 5. Not 8 (which would undo the sale).
        assertThat(stock.onHand(tenant, store, brake)).isEqualByComparingTo("5");
        assertThat(stock.onHand(tenant, store, chain)).isEqualByComparingTo("4");
        assertThat(stock.onHand(tenant, store, bell)).isEqualByComparingTo("7");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
        assertThat(get(count).get("count").get("status").asString()).isEqualTo("closed");

        var replay = api.send(admin, "POST", "/api/v1/stock/counts/" + count + "/close", null,
                Map.of("Idempotency-Key", "close-" + count));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("posting").get("postingId").asString())
                .isEqualTo(closed.json().get("posting").get("postingId").asString());
        assertThat(stock.onHand(tenant, store, brake)).isEqualByComparingTo("5");
        assertThat(postingsOf(count)).isEqualTo(1);
    }

    @Test
    void closingCountsEachLevelOnceMoreAndSetsItsNextDueDate() {
        patchLevel(brake, Map.of("countFrequencyDays", 30, "bin", "A-01"));
        patchLevel(chain, Map.of("bin", "B-07"));
        UUID cycle = open(Map.of("locationId", store, "scope", "cycle"));
        assertThat(lineSkus(get(cycle))).containsExactly("BRAKE-1");
        enter(cycle, "BRAKE-1", "10", null);
        api.post(admin, "/api/v1/stock/counts/" + cycle + "/submit", null);
        var closed = api.post(admin, "/api/v1/stock/counts/" + cycle + "/close", null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().has("posting")).as("no difference, no posting").isFalse();

        Map<String, Object> level = stock.asAdmin(tenant, () -> levelRow(brake));
        assertThat(level.get("times_counted")).isEqualTo(1);
        assertThat(level.get("days_to_due")).as("due again 30 days from today in the company's zone").isEqualTo(30);
        JsonNode levelSeen = api.get(admin, "/api/v1/stock/levels?itemId=" + brake).json().get("items").get(0);
        assertThat(levelSeen.get("timesCounted").asInt()).isEqualTo(1);
        assertThat(levelSeen.get("nextCountDue").asString()).isNotBlank();
        assertThat(open(Map.of("locationId", store, "scope", "cycle")))
                .as("counted today, due in 30 days: the next cycle count lists nothing")
                .satisfies(id -> assertThat(lineSkus(get(id))).isEmpty());

        UUID bins = open(Map.of("locationId", store, "scope", "bins", "binFrom", "b-01", "binTo", "B-99"));
        assertThat(lineSkus(get(bins))).containsExactly("CHAIN-1");
    }

    @Test
    void linesOverTheToleranceGoBackForARecountWithAFreshSnapshot() {
        UUID count = open(Map.of("locationId", store, "scope", "full", "tolerance", 1));
        enter(count, "BRAKE-1", "7", null);   // 3 missing: over the tolerance
        enter(count, "BELL-1", "4", null);    // 1 missing: within it
        api.post(admin, "/api/v1/stock/counts/" + count + "/submit", null);
        JsonNode before = get(count);
        assertThat(line(before, "BRAKE-1").get("overTolerance").asBoolean()).isTrue();
        assertThat(line(before, "BELL-1").get("overTolerance").asBoolean()).isFalse();

        var recount = api.post(admin, "/api/v1/stock/counts/" + count + "/recount", Map.of());
        assertThat(recount.status()).as(recount.body()).isEqualTo(200);
        assertThat(recount.json().get("linesSent").asInt()).isEqualTo(1);
        assertThat(recount.json().get("count").get("status").asString()).isEqualTo("counting");
        sell(brake, 1);
        enter(count, "BRAKE-1", "9", null);   // the recount finds all of them: snapshot 9 now
        api.post(admin, "/api/v1/stock/counts/" + count + "/submit", null);
        JsonNode after = line(get(count), "BRAKE-1");
        assertThat(after.get("systemQuantity").decimalValue()).isEqualByComparingTo("9");
        assertThat(after.get("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(after.get("recounts").asInt()).isEqualTo(1);
        api.post(admin, "/api/v1/stock/counts/" + count + "/close", null);
        assertThat(stock.onHand(tenant, store, brake)).isEqualByComparingTo("9");
        assertThat(stock.onHand(tenant, store, bell)).isEqualByComparingTo("4");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void aCloseHeldByAnApprovalRuleClosesWhenApprovedAndIsReviewedAgainWhenRejected() {
        assertThat(api.post(admin, "/api/v1/approval-rules", Map.of("movementType", "count_correction")).status())
                .isEqualTo(201);
        UUID manager = fixtures.user(tenant, "jefe@" + tenant.slug() + ".test", "manager");
        String approver = fixtures.apiKey(tenant, manager, java.util.Set.of("inventory.*"), List.of("inventory.*"));
        UUID count = open(Map.of("locationId", store, "scope", "full"));
        enter(count, "BRAKE-1", "8", null);
        api.post(admin, "/api/v1/stock/counts/" + count + "/submit", null);

        var held = api.post(admin, "/api/v1/stock/counts/" + count + "/close", null);
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        String first = held.json().get("approvalId").asString();
        assertThat(status(count)).isEqualTo("review");
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/close", null), 409, "count-transition");
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/cancel", null), 409, "count-transition");
        assertThat(api.post(approver, "/api/v1/approvals/" + first + "/reject", Map.of("reason", "Contar otra vez"))
                .status()).isEqualTo(200);
        assertThat(status(count)).isEqualTo("review");
        assertThat(stock.onHand(tenant, store, brake)).isEqualByComparingTo("10");
        assertThat(postingsOf(count)).isZero();

        String second = api.post(admin, "/api/v1/stock/counts/" + count + "/close", null).json().get("approvalId")
                .asString();
        assertThat(api.post(approver, "/api/v1/approvals/" + second + "/approve", Map.of()).status()).isEqualTo(200);
        assertThat(status(count)).isEqualTo("closed");
        assertThat(stock.onHand(tenant, store, brake)).isEqualByComparingTo("8");
        assertThat(postingsOf(count)).isEqualTo(1);
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void everyIllegalMoveIsA409AndChangesNothing() {
        UUID count = open(Map.of("locationId", store, "scope", "full"));
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/close", null), 409, "count-transition");
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/recount", Map.of()), 409, "count-transition");
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/submit", null), 422, "count-nothing-counted");
        assertThat(status(count)).isEqualTo("counting");

        enter(count, "BRAKE-1", "1", null);
        api.post(admin, "/api/v1/stock/counts/" + count + "/submit", null);
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/submit", null), 409, "count-transition");
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/entries",
                Map.of("code", "BRAKE-1", "quantity", 5)), 409, "count-transition");
        assertThat(line(get(count), "BRAKE-1").get("countedQuantity").decimalValue()).isEqualByComparingTo("1");

        assertThat(api.post(admin, "/api/v1/stock/counts/" + count + "/cancel", null).status()).isEqualTo(200);
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/close", null), 409, "count-transition");
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/cancel", null), 409, "count-transition");
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + count + "/submit", null), 409, "count-transition");
        assertThat(status(count)).isEqualTo("cancelled");
        assertThat(stock.onHand(tenant, store, brake)).isEqualByComparingTo("10");
        assertThat(postingsOf(count)).isZero();

        assertProblem(api.post(admin, "/api/v1/stock/counts", Map.of("locationId", store, "scope", "bins")), 422, "count-scope");
        UUID other = open(Map.of("locationId", store, "scope", "full"));
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + other + "/entries", Map.of("code", "NOPE", "quantity", 1)),
                422, "unknown-item");
        assertProblem(api.post(admin, "/api/v1/stock/counts/" + other + "/entries", Map.of("code", "BRAKE-1", "quantity", -1)),
                422, "count-quantity");
    }

    @Test
    void aCounterCountsBlind() {
        UUID technician = fixtures.user(tenant, "tecnico@" + tenant.slug() + ".test", "technician");
        List<String> permissions = List.of("inventory.read", "inventory.count");
        String key = fixtures.apiKey(tenant, technician, new java.util.HashSet<>(permissions), permissions);
        var assigned = api.put(admin, "/api/v1/locations/" + store + "/users", Map.of("userIds", List.of(technician)), Map.of());
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        UUID count = open(Map.of("locationId", store, "scope", "full"));

        var entered = api.post(key, "/api/v1/stock/counts/" + count + "/entries", Map.of("code", "BRAKE-1", "quantity", 8));
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        assertThat(entered.body()).doesNotContain("system", "difference");
        JsonNode seen = api.get(key, "/api/v1/stock/counts/" + count).json();
        assertThat(line(seen, "BRAKE-1").get("countedQuantity").decimalValue()).isEqualByComparingTo("8");
        assertThat(line(seen, "BRAKE-1").has("systemQuantity")).isFalse();
        assertThat(line(seen, "BRAKE-1").has("difference")).isFalse();
        assertThat(line(seen, "BRAKE-1").has("correction")).isFalse();
        assertThat(seen.get("count").has("totalDifferences")).isFalse();
        assertThat(api.get(key, "/api/v1/stock/counts/" + count + "/sheet.csv").body()).doesNotContain("system");

        assertThat(api.post(key, "/api/v1/stock/counts/" + count + "/submit", null).status()).isEqualTo(200);
        assertThat(api.post(key, "/api/v1/stock/counts/" + count + "/close", null).status()).isEqualTo(403);
        assertThat(line(get(count), "BRAKE-1").get("systemQuantity").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void theCountSheetIsCsvAndPdf() {
        UUID count = open(Map.of("locationId", store, "scope", "full"));
        enter(count, "CHAIN-1", "3", "1");
        var csv = api.get(admin, "/api/v1/stock/counts/" + count + "/sheet.csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("bin,sku,item,unit,counted,loose,system,difference,moved_since,correction");
        // No bin: an empty first cell (quoted, so the row is not read as a blank line); -2 a number, not a formula.
        assertThat(rows).hasSize(4).contains("\"\",CHAIN-1,Item CHAIN-1,pcs,3,1,4,2,0,-2");
        var pdf = api.send(admin, "GET", "/api/v1/stock/counts/" + count + "/sheet.pdf", null, Map.of("Accept", "application/pdf"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void anotherCompanysCountIsNotFoundOnEveryRoute() {
        UUID theirs = open(Map.of("locationId", store, "scope", "full"));
        enter(theirs, "BRAKE-1", "1", null);
        String mine = fixtures.tenant().adminKey();
        for (String path : List.of("", "/sheet.csv", "/sheet.pdf")) {
            assertThat(api.get(mine, "/api/v1/stock/counts/" + theirs + path).status()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/entries", "/submit", "/recount", "/close", "/cancel")) {
            assertThat(api.post(mine, "/api/v1/stock/counts/" + theirs + path,
                    Map.of("code", "BRAKE-1", "quantity", 1)).status()).as(path).isEqualTo(404);
        }
        assertThat(status(theirs)).isEqualTo("counting");
        assertThat(line(get(theirs), "BRAKE-1").get("countedQuantity").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void rawSqlAsTheApplicationRoleShowsAUserOnlyTheCountsOfTheirLocations() throws java.sql.SQLException {
        UUID warehouse = stock.location(tenant, "Bodega");
        var received = api.post(admin, "/api/v1/stock/receipts", Map.of("locationId", warehouse,
                "lines", List.of(Map.of("itemId", brake, "quantity", 2))));
        assertThat(received.status()).isEqualTo(201);
        UUID atStore = open(Map.of("locationId", store, "scope", "full"));
        UUID atWarehouse = open(Map.of("locationId", warehouse, "scope", "full"));
        enter(atStore, "BRAKE-1", "1", null);
        enter(atWarehouse, "BRAKE-1", "1", null);
        UUID technician = fixtures.user(tenant, "tec@" + tenant.slug() + ".test", "technician");
        api.put(admin, "/api/v1/locations/" + store + "/users", Map.of("userIds", List.of(technician)), Map.of());

        try (java.sql.Connection connection = fixtures.appConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false), "
                    + "set_config('app.user_id', '" + technician + "', false)");
            assertThat(ids(statement, "SELECT id FROM stock_counts")).containsExactly(atStore);
            assertThat(ids(statement, "SELECT count_id AS id FROM stock_count_lines")).containsOnly(atStore);
            assertThat(statement.executeUpdate("UPDATE stock_counts SET note = 'x' WHERE id = '" + atWarehouse + "'"))
                    .as("nor changes them").isZero();

            statement.execute("SELECT set_config('app.user_id', '" + tenant.adminId() + "', false)");
            assertThat(ids(statement, "SELECT id FROM stock_counts")).containsExactlyInAnyOrder(atStore, atWarehouse);

            statement.execute("SELECT set_config('app.tenant_id', '" + fixtures.tenant().id() + "', false)");
            assertThat(ids(statement, "SELECT id FROM stock_counts")).as("another company sees none").isEmpty();
        }
    }

    private static List<UUID> ids(java.sql.Statement statement, String sql) throws java.sql.SQLException {
        List<UUID> found = new java.util.ArrayList<>();
        try (java.sql.ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getObject("id", UUID.class));
            }
        }
        return found;
    }

    private UUID open(Map<String, Object> body) {
        var created = api.post(admin, "/api/v1/stock/counts", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private void enter(UUID count, String code, String quantity, String loose) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "quantity", new BigDecimal(quantity)));
        if (loose != null) {
            body.put("looseQuantity", new BigDecimal(loose));
        }
        var entered = api.post(admin, "/api/v1/stock/counts/" + count + "/entries", body);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
    }

    private JsonNode get(UUID count) {
        return api.get(admin, "/api/v1/stock/counts/" + count).json();
    }

    private String status(UUID count) {
        return get(count).get("count").get("status").asString();
    }

    private static JsonNode line(JsonNode detail, String sku) {
        for (JsonNode line : detail.get("lines")) {
            if (line.get("sku").asString().equals(sku)) {
                return line;
            }
        }
        throw new AssertionError("no line " + sku + " in " + detail);
    }

    private static List<String> lineSkus(JsonNode detail) {
        List<String> skus = new java.util.ArrayList<>();
        detail.get("lines").forEach(l -> skus.add(l.get("sku").asString()));
        return skus;
    }

    private void receive(UUID item, int quantity) {
        var received = api.post(admin, "/api/v1/stock/receipts", Map.of("locationId", store,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity, "unitCost", "2.00"))));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
    }

    private void sell(UUID item, int quantity) {
        var sale = api.post(admin, "/api/v1/sales", Map.of("locationId", store, "complete", true,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity)),
                "payments", List.of(Map.of("method", "cash", "amount", "100.00"))));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
    }

    private void patchLevel(UUID item, Map<String, Object> patch) {
        var patched = api.send(admin, "PATCH", "/api/v1/stock/levels/" + store + "/" + item, patch,
                Map.of("Content-Type", "application/merge-patch+json"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    private Map<String, Object> levelRow(UUID item) {
        return jdbc.sql("""
                        SELECT times_counted, next_count_due - CAST(now() AT TIME ZONE (
                                   SELECT time_zone FROM platform_tenants WHERE id = app_current_tenant()) AS date) AS days_to_due
                        FROM stock_levels WHERE location_id = :l AND item_id = :i""")
                .param("l", store).param("i", item).query().singleRow();
    }

    private long postingsOf(UUID count) {
        return stock.asAdmin(tenant, () -> jdbc.sql("SELECT count(*) FROM stock_postings WHERE document_type = 'count' AND document_id = :id")
                .param("id", count).query(Long.class).single());
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static void assertProblem(Api.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).endsWith("/" + slug);
    }
}
