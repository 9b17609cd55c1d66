package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Together;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approvals for any movement (seed 004 transaction_approvals): rules by movement type, value and location decide
 * which postings wait; a waiting one touches no stock until another user approves it. Negative stock with
 * warnings where the company allows it.
 */
@BodegaTest
class MovementApprovalsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired MovementApprovals approvals;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    /** Two locations, an item worth 10.00 each with 40 at the first; a manager (approver) besides the admin. */
    private record Setup(TestFixtures.Tenant tenant, UUID store, UUID depot, UUID item, UUID managerId,
                         String managerKey) {
    }

    private Setup setup() {
        var tenant = fixtures.tenant();
        UUID store = stock.location(tenant, "Tienda");
        UUID depot = stock.location(tenant, "Depósito");
        UUID item = stock.item(tenant, "APR-1", "pcs", BigDecimal.ZERO);
        receive(tenant, store, item, "40", "10");
        UUID manager = fixtures.user(tenant, "jefe@" + tenant.slug() + ".test", "manager");
        String managerKey = fixtures.apiKey(tenant, manager, Set.of("inventory.*"), List.of("inventory.*"));
        return new Setup(tenant, store, depot, item, manager, managerKey);
    }

    @Test
    void theRulesDecideByMovementTypeValueAndLocation() {
        var s = setup();
        rule(s, "issue", "100.00", s.store());
        rule(s, "transfer_out", null, null);

        assertThat(requires(s, MovementType.ISSUE, s.store(), "100.01")).isTrue();
        assertThat(requires(s, MovementType.ISSUE, s.store(), "100.00")).as("at the value, not above it").isFalse();
        assertThat(requires(s, MovementType.ISSUE, s.depot(), "5000")).as("another location").isFalse();
        assertThat(requires(s, MovementType.RECEIPT, s.store(), "5000")).as("another type").isFalse();
        assertThat(requires(s, MovementType.TRANSFER_OUT, s.depot(), "0")).as("any value, any location").isTrue();
        // The company's adjustment threshold is one rule more.
        assertThat(requires(s, MovementType.ADJUSTMENT, s.depot(), "1000")).isFalse();
        stock.asAdmin(s.tenant(), () -> jdbc.sql("UPDATE tenants SET adjustment_approval_threshold = 50 WHERE id = :id")
                .param("id", s.tenant().id()).update());
        assertThat(requires(s, MovementType.ADJUSTMENT, s.depot(), "50.01")).isTrue();
        assertThat(api.get(s.managerKey(), "/api/v1/approval-rules").json()).extracting(r -> r.get("movementType").asString()
                + "|" + r.get("fromSettings").asBoolean()).containsExactlyInAnyOrder("issue|false", "transfer_out|false",
                "adjustment|true");

        // Five issued: 50.00, under the rule's 100.00, posts at once; eleven (110.00) waits.
        assertThat(issue(s, 5).status()).isEqualTo(201);
        assertThat(issue(s, 11).status()).isEqualTo(202);
        assertThat(stock.onHand(s.tenant(), s.store(), s.item())).isEqualByComparingTo("35");
    }

    @Test
    void aWaitingMovementTouchesNoStockUntilApprovedThenPostsThroughTheLedger() {
        var s = setup();
        rule(s, "transfer_out", "100", null);
        var waiting = transfer(s, s.tenant().adminKey(), 12);

        assertThat(waiting.status()).as(waiting.body()).isEqualTo(202);
        JsonNode body = waiting.json();
        String id = body.get("id").asString();
        assertThat(body.get("status").asString()).isEqualTo("pending");
        assertThat(body.get("value").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(body.get("lines")).hasSize(2);
        assertThat(waiting.header("Location")).isEqualTo("/api/v1/approvals/" + id);
        assertThat(stock.onHand(s.tenant(), s.store(), s.item())).isEqualByComparingTo("40");
        assertThat(stock.onHand(s.tenant(), s.depot(), s.item())).isEqualByComparingTo("0");
        assertThat(ledgerRows(s.tenant(), id)).isZero();
        assertThat(api.get(s.managerKey(), "/api/v1/approvals?status=pending").json().get("items"))
                .extracting(a -> a.get("id").asString()).containsExactly(id);
        assertThat(notices(s.tenant(), s.managerId())).contains("info|/inventory/approvals/" + id);

        var own = api.post(s.tenant().adminKey(), "/api/v1/approvals/" + id + "/approve", Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("type").asString()).endsWith("/self-approval");

        var approved = api.post(s.managerKey(), "/api/v1/approvals/" + id + "/approve", Map.of("note", "OK"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");
        assertThat(approved.json().get("posting").get("entries")).hasSize(2);
        assertThat(stock.onHand(s.tenant(), s.store(), s.item())).isEqualByComparingTo("28");
        assertThat(stock.onHand(s.tenant(), s.depot(), s.item())).isEqualByComparingTo("12");
        assertThat(ledgerRows(s.tenant(), id)).isEqualTo(2);
        assertThat(stock.ledgerMismatches(s.tenant())).isZero();
    }

    @Test
    void ofTwoApproversAtOnceOneWinsAndTheOtherFindsItDecided() throws Exception {
        var s = setup();
        rule(s, "issue", null, null);
        String id = issue(s, 7).json().get("id").asString();
        UUID second = fixtures.user(s.tenant(), "otro@" + s.tenant().slug() + ".test", "manager");
        String secondKey = fixtures.apiKey(s.tenant(), second, Set.of("inventory.*"), List.of("inventory.approve"));
        List<Callable<Integer>> both = List.of(
                () -> api.post(s.managerKey(), "/api/v1/approvals/" + id + "/approve", Map.of()).status(),
                () -> api.post(secondKey, "/api/v1/approvals/" + id + "/approve", Map.of()).status());

        List<Integer> statuses = Together.run(both);

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(ledgerRows(s.tenant(), id)).isEqualTo(1);
        assertThat(stock.onHand(s.tenant(), s.store(), s.item())).isEqualByComparingTo("33");
        assertThat(stock.ledgerMismatches(s.tenant())).isZero();
        var late = api.post(secondKey, "/api/v1/approvals/" + id + "/reject", Map.of("reason", "Tarde"));
        assertThat(late.json().get("type").asString()).endsWith("/already-decided");
    }

    @Test
    void aRejectionNeedsAReasonAndPostsNothing() {
        var s = setup();
        rule(s, "issue", null, s.store());
        String id = issue(s, 3).json().get("id").asString();

        var blank = api.post(s.managerKey(), "/api/v1/approvals/" + id + "/reject", Map.of("reason", " "));
        assertThat(blank.status()).isBetween(400, 422);
        assertThat(api.get(s.managerKey(), "/api/v1/approvals/" + id).json().get("status").asString()).isEqualTo("pending");

        var rejected = api.post(s.managerKey(), "/api/v1/approvals/" + id + "/reject", Map.of("reason", "No corresponde"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.json().get("decisionNote").asString()).isEqualTo("No corresponde");
        assertThat(stock.onHand(s.tenant(), s.store(), s.item())).isEqualByComparingTo("40");
        assertThat(ledgerRows(s.tenant(), id)).isZero();
        assertThat(api.post(s.managerKey(), "/api/v1/approvals/" + id + "/approve", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void anotherCompanysApprovalsAndRulesAreNotFound() {
        var s = setup();
        String rule = rule(s, "issue", null, null).json().get("id").asString();
        String id = issue(s, 2).json().get("id").asString();
        var other = fixtures.tenant();

        assertThat(api.get(other.adminKey(), "/api/v1/approvals/" + id).status()).isEqualTo(404);
        assertThat(api.post(other.adminKey(), "/api/v1/approvals/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(api.post(other.adminKey(), "/api/v1/approvals/" + id + "/reject", Map.of("reason", "x")).status())
                .isEqualTo(404);
        assertThat(api.get(other.adminKey(), "/api/v1/approvals").json().get("items")).isEmpty();
        assertThat(api.get(other.adminKey(), "/api/v1/approval-rules/" + rule).status()).isEqualTo(404);
        assertThat(api.send(other.adminKey(), "DELETE", "/api/v1/approval-rules/" + rule, null,
                Map.of("If-Match", "\"0\"")).status()).isEqualTo(404);
        assertThat(api.get(s.managerKey(), "/api/v1/approvals/" + id).json().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void rulesAreChangedWithTheirVersionAndOnlyByHoldersOfThePermission() {
        var s = setup();
        var created = rule(s, "receipt", "10", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("ETag")).isEqualTo("\"0\"");

        Map<String, Object> change = Map.of("movementType", "receipt", "minValue", 20, "locationId", s.depot());
        assertThat(api.put(s.managerKey(), "/api/v1/approval-rules/" + id, change, Map.of()).status()).isEqualTo(428);
        var updated = api.put(s.managerKey(), "/api/v1/approval-rules/" + id, change, Map.of("If-Match", "\"0\""));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("locationName").asString()).isEqualTo("Depósito");
        assertThat(api.put(s.managerKey(), "/api/v1/approval-rules/" + id, change, Map.of("If-Match", "\"0\"")).status())
                .isEqualTo(409);
        var unknown = api.post(s.managerKey(), "/api/v1/approval-rules", Map.of("movementType", "teleport"));
        assertThat(unknown.json().get("type").asString()).endsWith("/unknown-movement-type");

        UUID seller = fixtures.user(s.tenant(), "vende@" + s.tenant().slug() + ".test", "seller");
        String sellerKey = fixtures.apiKey(s.tenant(), seller, Set.of("inventory.read"), List.of("inventory.read"));
        assertThat(api.post(sellerKey, "/api/v1/approval-rules", Map.of("movementType", "issue")).status()).isEqualTo(403);
        assertThat(api.post(sellerKey, "/api/v1/approvals/" + UUID.randomUUID() + "/approve", Map.of()).status())
                .isEqualTo(403);

        assertThat(api.send(s.managerKey(), "DELETE", "/api/v1/approval-rules/" + id, null,
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(204);
        assertThat(api.get(s.managerKey(), "/api/v1/approval-rules").json()).isEmpty();
    }

    @Test
    void whereTheCompanyAllowsItAPostingGoesBelowZeroWithAWarningAndANotice() {
        var s = setup();
        var refused = issue(s, 43);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(stock.onHand(s.tenant(), s.store(), s.item())).isEqualByComparingTo("40");

        stock.asAdmin(s.tenant(), () -> jdbc.sql("UPDATE tenants SET allow_negative_stock = true WHERE id = :id")
                .param("id", s.tenant().id()).update());
        var allowed = issue(s, 43);

        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        JsonNode warning = allowed.json().get("warnings").get(0);
        assertThat(allowed.json().get("warnings")).hasSize(1);
        assertThat(warning.get("code").asString()).isEqualTo("negative-stock");
        assertThat(warning.get("sku").asString()).isEqualTo("APR-1");
        assertThat(warning.get("locationId").asString()).isEqualTo(s.store().toString());
        assertThat(warning.get("onHand").decimalValue()).isEqualByComparingTo("-3");
        assertThat(stock.onHand(s.tenant(), s.store(), s.item())).isEqualByComparingTo("-3");
        assertThat(stock.ledgerMismatches(s.tenant())).isZero();
        assertThat(notices(s.tenant(), s.managerId())).containsExactly(
                "warning|/inventory/items/" + s.item() + "/kardex");
        assertThat(notices(s.tenant(), s.tenant().adminId())).as("who posted it reads the warning").isEmpty();

        // A receipt back above zero warns of nothing.
        var back = api.post(s.tenant().adminKey(), "/api/v1/stock/receipts", Map.of("locationId", s.store(),
                "lines", List.of(Map.of("itemId", s.item(), "quantity", 5, "unitCost", 10))));
        assertThat(back.json().get("warnings")).isEmpty();
    }

    @Test
    void theApiDocumentDescribesTheWarningsAndTheWaitingAnswer() {
        JsonNode document = api.get(null, "/v3/api-docs").json();
        JsonNode issues = document.get("paths").get("/api/v1/stock/issues").get("post").get("responses");
        assertThat(issues.has("201") && issues.has("202")).isTrue();
        JsonNode warning = document.get("components").get("schemas").get("Warning");
        assertThat(warning.get("description").asString()).contains("negative-stock");
        assertThat(warning.get("properties").propertyNames()).contains("code", "sku", "locationId", "onHand");
    }

    @Test
    void theInboxPageApprovesAWaitingReceiptAndTheRulesPageAddsAndRemovesRules() {
        var s = setup();
        var manager = WebSession.signedIn(api.baseUrl(), s.tenant().slug(), "jefe@" + s.tenant().slug() + ".test",
                TestFixtures.PASSWORD);
        var rules = manager.get("/inventory/approval-rules");
        assertThat(rules.body()).contains("id=\"rules-empty\"", "id=\"rule-form\"");
        manager.post("/inventory/approval-rules", Map.of("movementType", "receipt", "minValue", "abc"));
        assertThat(manager.get("/inventory/approval-rules").body()).contains("id=\"rules-problem\"");
        manager.post("/inventory/approval-rules", Map.of("movementType", "receipt", "minValue", "",
                "locationId", s.depot().toString()));
        String ruleId = stock.asAdmin(s.tenant(), () -> jdbc.sql("SELECT id FROM approval_rules").query(String.class).single());
        assertThat(manager.get("/inventory/approval-rules").body()).contains("id=\"rule-" + ruleId + "\"", "Depósito",
                "Cualquier valor");

        var admin = WebSession.signedIn(api.baseUrl(), s.tenant().slug(), s.tenant().adminEmail(), TestFixtures.PASSWORD);
        var form = admin.get("/inventory/receive?locationId=" + s.depot());
        String key = form.find("id=\"idempotency-key\" value=\"([^\"]+)\"");
        var submitted = admin.post("/inventory/receive", Map.of("idempotencyKey", key, "locationId", s.depot().toString(),
                "itemId", s.item().toString(), "quantity", "2", "unitCost", "10"));
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(submitted.location()).contains("/inventory/approvals/").endsWith("?submitted");
        String id = submitted.locationPath().replaceAll("^/inventory/approvals/", "");
        assertThat(admin.get(submitted.locationPath() + "?submitted").body()).contains("id=\"approval-submitted\"", "APR-1");
        assertThat(stock.onHand(s.tenant(), s.depot(), s.item())).isEqualByComparingTo("0");

        assertThat(manager.get("/inventory/approvals").body()).contains("id=\"pending-" + id + "\"", "Entrada de stock");
        assertThat(manager.post("/inventory/approvals/" + id + "/approve", Map.of()).status()).isEqualTo(302);
        assertThat(manager.get("/inventory/approvals").body()).contains("id=\"approvals-message\"",
                "id=\"decided-" + id + "\"");
        assertThat(stock.onHand(s.tenant(), s.depot(), s.item())).isEqualByComparingTo("2");

        manager.post("/inventory/approval-rules/" + ruleId + "/delete", Map.of("version", "0"));
        assertThat(manager.get("/inventory/approval-rules").body()).contains("id=\"rules-message\"", "id=\"rules-empty\"");
    }

    @Test
    void aPostingPageWarnsOfStockBelowZero() {
        var s = setup();
        stock.asAdmin(s.tenant(), () -> jdbc.sql("UPDATE tenants SET allow_negative_stock = true WHERE id = :id")
                .param("id", s.tenant().id()).update());
        var admin = WebSession.signedIn(api.baseUrl(), s.tenant().slug(), s.tenant().adminEmail(), TestFixtures.PASSWORD);
        String key = admin.get("/inventory/issue").find("id=\"idempotency-key\" value=\"([^\"]+)\"");
        var posted = admin.post("/inventory/issue", Map.of("idempotencyKey", key, "locationId", s.store().toString(),
                "itemId", s.item().toString(), "quantity", "41"));
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).endsWith("?posted");
        assertThat(admin.get(posted.locationPath() + "?posted").body()).contains("class=\"warning\"", "APR-1 quedó en -1");
    }

    private Api.Response rule(Setup s, String type, String minValue, UUID location) {
        Map<String, Object> body = new HashMap<>();
        body.put("movementType", type);
        body.put("minValue", minValue == null ? null : new BigDecimal(minValue));
        body.put("locationId", location);
        return api.post(s.managerKey(), "/api/v1/approval-rules", body);
    }

    private boolean requires(Setup s, MovementType type, UUID location, String value) {
        return TestFixtures.asUser(s.tenant().id(), s.tenant().adminId(), Set.of("*"),
                () -> approvals.requiresApproval(type, location, new BigDecimal(value)));
    }

    private Api.Response issue(Setup s, int quantity) {
        return api.post(s.tenant().adminKey(), "/api/v1/stock/issues", Map.of("locationId", s.store(),
                "lines", List.of(Map.of("itemId", s.item(), "quantity", quantity))));
    }

    private Api.Response transfer(Setup s, String key, int quantity) {
        return api.post(key, "/api/v1/stock/transfers", Map.of("fromLocationId", s.store(), "toLocationId", s.depot(),
                "lines", List.of(Map.of("itemId", s.item(), "quantity", quantity))));
    }

    private void receive(TestFixtures.Tenant tenant, UUID location, UUID item, String quantity, String cost) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(StockPostings.Line.in(location, item, MovementType.RECEIPT,
                new BigDecimal(quantity), new BigDecimal(cost))))));
    }

    /** Ledger rows of the posting the approval made (its document is the approval). */
    private long ledgerRows(TestFixtures.Tenant tenant, String approval) {
        return stock.asAdmin(tenant, () -> jdbc.sql("SELECT count(*) FROM stock_ledger WHERE document_id = :id")
                .param("id", UUID.fromString(approval)).query(Long.class).single());
    }

    private List<String> notices(TestFixtures.Tenant tenant, UUID user) {
        return stock.asAdmin(tenant, () -> jdbc.sql("SELECT type || '|' || link FROM notifications WHERE user_id = :u ORDER BY id")
                .param("u", user).query(String.class).list());
    }
}
