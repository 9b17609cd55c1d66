package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Together;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Adjustments with reason codes, the approval threshold and the approval flow (seed 004). */
@BodegaTest
class AdjustmentsApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    /** A tenant with a threshold of 100.00 and an item worth 10.00 each: 40 on hand at one location. */
    private record Setup(TestFixtures.Tenant tenant, UUID location, UUID item, String managerKey, UUID managerId) {
    }

    private Setup setup() {
        var tenant = fixtures.tenant();
        setThreshold(tenant, new BigDecimal("100.00"));
        UUID location = stock.location(tenant, "Bodega");
        UUID item = stock.item(tenant, "ADJ-1", "pcs", BigDecimal.ZERO);
        receive(tenant, location, item, "40", "10");
        UUID manager = fixtures.user(tenant, "manager@" + tenant.slug() + ".test", "manager");
        String managerKey = fixtures.apiKey(tenant, manager, Set.of("inventory.*"), List.of("inventory.*"));
        return new Setup(tenant, location, item, managerKey, manager);
    }

    @Test
    void withinTheThresholdTheAdjustmentPostsAtOnce() {
        var s = setup();
        // 10 x 10.00 = 100.00: at the threshold, not above it.
        var response = adjust(s.tenant().adminKey(), s, "damaged", "-10");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("posted");
        assertThat(body.get("value").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(body.get("posting").get("entries").get(0).get("quantity").decimalValue()).isEqualByComparingTo("-10");
        assertThat(body.get("posting").get("entries").get(0).get("movementType").asString()).isEqualTo("ADJUSTMENT");
        assertThat(response.header("Location")).isEqualTo("/api/v1/stock/adjustments/" + body.get("id").asString());
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("30");

        UUID id = UUID.fromString(body.get("id").asString());
        assertThat(ledgerRows(s.tenant(), id)).containsExactly("adjustment|damaged|-10.000");
        assertThat(stock.ledgerMismatches(s.tenant())).isZero();
    }

    @Test
    void aboveTheThresholdItWaitsAndChangesNothing() {
        var s = setup();
        var response = adjust(s.tenant().adminKey(), s, "lost", "-11");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("pending");
        assertThat(body.get("value").decimalValue()).isEqualByComparingTo("110.00");
        assertThat(body.has("posting")).isFalse();
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("40");

        String id = body.get("id").asString();
        JsonNode read = api.get(s.managerKey(), "/api/v1/stock/adjustments/" + id).json();
        assertThat(read.get("status").asString()).isEqualTo("pending");
        assertThat(read.get("requestedBy").asString()).isEqualTo(s.tenant().adminId().toString());
        assertThat(read.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("-11");
        assertThat(read.get("lines").get(0).get("unitCost").decimalValue()).isEqualByComparingTo("10");
        assertThat(read.get("lines").get(0).get("sku").asString()).isEqualTo("ADJ-1");

        JsonNode pending = api.get(s.managerKey(), "/api/v1/stock/adjustments?status=pending").json().get("items");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get(s.managerKey(), "/api/v1/stock/adjustments?status=posted").json().get("items")).isEmpty();
        assertThat(api.get(s.managerKey(), "/api/v1/stock/adjustments?status=sideways").status()).isEqualTo(422);
    }

    @Test
    void withoutAThresholdNothingNeedsApproval() {
        var s = setup();
        setThreshold(s.tenant(), null);
        assertThat(adjust(s.tenant().adminKey(), s, "count_correction", "-40").status()).isEqualTo(201);
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("0");
    }

    @Test
    void approvalByAnotherUserPostsExactlyOnce() {
        var s = setup();
        String id = adjust(s.tenant().adminKey(), s, "expired", "-15").json().get("id").asString();

        var approved = api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/approve", Map.of("note", "Checked"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode body = approved.json();
        assertThat(body.get("status").asString()).isEqualTo("approved");
        assertThat(body.get("decidedBy").asString()).isEqualTo(s.managerId().toString());
        assertThat(body.get("decisionNote").asString()).isEqualTo("Checked");
        assertThat(body.get("decidedAt").isNull()).isFalse();
        assertThat(body.get("postingId").asString()).isEqualTo(body.get("posting").get("postingId").asString());
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("25");

        var again = api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/already-decided");
        assertThat(ledgerRows(s.tenant(), UUID.fromString(id))).containsExactly("adjustment|expired|-15.000");
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("25");
        assertThat(stock.ledgerMismatches(s.tenant())).isZero();
        // The requester hears about the decision.
        assertThat(notices(s.tenant(), s.tenant().adminId())).contains("success|/inventory/adjustments/" + id);
    }

    @Test
    void theRequesterCannotApproveOrRejectTheirOwnAdjustment() {
        var s = setup();
        String id = adjust(s.managerKey(), s, "found", "20").json().get("id").asString();

        var approve = api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/approve", Map.of());
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.json().get("type").asString()).endsWith("/self-approval");
        var reject = api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/reject", Map.of("reason", "Oops"));
        assertThat(reject.status()).isEqualTo(409);
        assertThat(reject.json().get("type").asString()).endsWith("/self-approval");

        assertThat(api.get(s.managerKey(), "/api/v1/stock/adjustments/" + id).json().get("status").asString())
                .isEqualTo("pending");
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("40");
    }

    @Test
    void aRejectionRecordsWhoAndWhyAndPostsNothing() {
        var s = setup();
        String id = adjust(s.tenant().adminKey(), s, "other", "-30").json().get("id").asString();

        var noReason = api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/reject", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        var rejected = api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/reject",
                Map.of("reason", "No evidence of the loss"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        JsonNode body = rejected.json();
        assertThat(body.get("status").asString()).isEqualTo("rejected");
        assertThat(body.get("decidedBy").asString()).isEqualTo(s.managerId().toString());
        assertThat(body.get("decisionNote").asString()).isEqualTo("No evidence of the loss");
        assertThat(body.has("postingId")).isFalse();

        var approveAfter = api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/approve", Map.of());
        assertThat(approveAfter.status()).isEqualTo(409);
        assertThat(approveAfter.json().get("type").asString()).endsWith("/already-decided");
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("40");
        assertThat(ledgerRows(s.tenant(), UUID.fromString(id))).isEmpty();
        assertThat(notices(s.tenant(), s.tenant().adminId())).contains("warning|/inventory/adjustments/" + id);
    }

    @Test
    void concurrentApproversPostItExactlyOnce() throws Exception {
        var s = setup();
        String id = adjust(s.tenant().adminKey(), s, "damaged", "-12").json().get("id").asString();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID approver = fixtures.user(s.tenant(), "approver" + i + "@" + s.tenant().slug() + ".test", "manager");
            keys.add(fixtures.apiKey(s.tenant(), approver, Set.of("inventory.*"), List.of("inventory.approve")));
        }
        List<Callable<Integer>> approvals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = keys.get(i % keys.size());
            approvals.add(() -> api.post(key, "/api/v1/stock/adjustments/" + id + "/approve", Map.of()).status());
        }
        List<Integer> statuses = Together.run(approvals);

        assertThat(statuses.stream().filter(status -> status == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(status -> status == 409).count()).isEqualTo(11);
        assertThat(ledgerRows(s.tenant(), UUID.fromString(id))).containsExactly("adjustment|damaged|-12.000");
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("28");
        assertThat(stock.ledgerMismatches(s.tenant())).isZero();
    }

    @Test
    void whenStockNoLongerSufficesTheApprovalFailsAndTheAdjustmentStaysPending() {
        var s = setup();
        String id = adjust(s.tenant().adminKey(), s, "damaged", "-35").json().get("id").asString();
        api.post(s.tenant().adminKey(), "/api/v1/stock/issues",
                Map.of("locationId", s.location(), "lines", List.of(Map.of("itemId", s.item(), "quantity", 10))));

        var refused = api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/approve", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(new BigDecimal(refused.json().get("onHand").asString())).isEqualByComparingTo("30");
        assertThat(api.get(s.managerKey(), "/api/v1/stock/adjustments/" + id).json().get("status").asString())
                .isEqualTo("pending");
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("30");

        receive(s.tenant(), s.location(), s.item(), "5", "10");
        assertThat(api.post(s.managerKey(), "/api/v1/stock/adjustments/" + id + "/approve", Map.of()).status())
                .isEqualTo(200);
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("0");
    }

    @Test
    void reasonCodesAndQuantitiesAreValidated() {
        var s = setup();
        var unknownReason = adjust(s.tenant().adminKey(), s, "stolen", "-1");
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        var zero = adjust(s.tenant().adminKey(), s, "damaged", "0");
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.json().get("type").asString()).endsWith("/zero-quantity");

        var decimals = adjust(s.tenant().adminKey(), s, "damaged", "-1.5");
        assertThat(decimals.status()).isEqualTo(422);
        assertThat(decimals.json().get("type").asString()).endsWith("/quantity-decimals");

        var noLines = api.post(s.tenant().adminKey(), "/api/v1/stock/adjustments",
                Map.of("locationId", s.location(), "reason", "damaged", "lines", List.of()));
        assertThat(noLines.status()).isEqualTo(400);

        var unknownItem = api.post(s.tenant().adminKey(), "/api/v1/stock/adjustments", Map.of("locationId", s.location(),
                "reason", "damaged", "lines", List.of(Map.of("itemId", UUID.randomUUID(), "quantity", -1))));
        assertThat(unknownItem.status()).isEqualTo(422);
        assertThat(unknownItem.json().get("type").asString()).endsWith("/unknown-item");

        // Too little stock for an adjustment that posts at once: refused, nothing stored.
        var tooMuch = adjust(s.tenant().adminKey(), s, "damaged", "-5");
        assertThat(tooMuch.status()).isEqualTo(201);
        setThreshold(s.tenant(), null);
        var insufficient = adjust(s.tenant().adminKey(), s, "damaged", "-36");
        assertThat(insufficient.status()).isEqualTo(409);
        assertThat(api.get(s.tenant().adminKey(), "/api/v1/stock/adjustments").json().get("items")).hasSize(1);
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("35");
    }

    @Test
    void permissionsAndIdempotency() {
        var s = setup();
        UUID viewer = fixtures.user(s.tenant(), "viewer@" + s.tenant().slug() + ".test", "viewer");
        String viewerKey = fixtures.apiKey(s.tenant(), viewer, Set.of("*.read"), List.of("*.read"));
        assertThat(adjust(viewerKey, s, "damaged", "-1").status()).isEqualTo(403);
        String pending = adjust(s.tenant().adminKey(), s, "damaged", "-20").json().get("id").asString();
        assertThat(api.post(viewerKey, "/api/v1/stock/adjustments/" + pending + "/approve", Map.of()).status())
                .isEqualTo(403);
        // A viewer assigned to no location sees no location's adjustments (row-level security), as for stock.
        assertThat(api.get(viewerKey, "/api/v1/stock/adjustments/" + pending).status()).isEqualTo(404);
        assertThat(api.get(s.managerKey(), "/api/v1/stock/adjustments/" + pending).status()).isEqualTo(200);

        Map<String, Object> body = body(s, "found", "3");
        var first = api.send(s.tenant().adminKey(), "POST", "/api/v1/stock/adjustments", body, Map.of("Idempotency-Key", "adj-1"));
        var retry = api.send(s.tenant().adminKey(), "POST", "/api/v1/stock/adjustments", body, Map.of("Idempotency-Key", "adj-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(stock.onHand(s.tenant(), s.location(), s.item())).isEqualByComparingTo("43");
        var reused = api.send(s.tenant().adminKey(), "POST", "/api/v1/stock/adjustments", body(s, "found", "4"),
                Map.of("Idempotency-Key", "adj-1"));
        assertThat(reused.status()).isEqualTo(409);
    }

    @Test
    void theThresholdIsACompanySetting() {
        var tenant = fixtures.tenant();
        var read = api.get(tenant.adminKey(), "/api/v1/settings");
        assertThat(read.json().has("adjustmentApprovalThreshold")).isFalse();
        JsonNode current = read.json();
        Map<String, Object> change = new java.util.HashMap<>();
        for (String field : List.of("name", "currency", "locale", "timeZone")) {
            change.put(field, current.get(field).asString());
        }
        change.put("taxRate", current.get("taxRate").decimalValue());
        change.put("pricesIncludeTax", current.get("pricesIncludeTax").asBoolean());
        change.put("allowNegativeStock", false);
        change.put("adjustmentApprovalThreshold", new BigDecimal("250.50"));
        var updated = api.put(tenant.adminKey(), "/api/v1/settings", change, Map.of("If-Match", read.header("ETag")));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("adjustmentApprovalThreshold").decimalValue()).isEqualByComparingTo("250.50");

        change.put("adjustmentApprovalThreshold", new BigDecimal("-1"));
        var refused = api.put(tenant.adminKey(), "/api/v1/settings", change, Map.of("If-Match", updated.header("ETag")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("adjustmentApprovalThreshold");
    }

    private Api.Response adjust(String key, Setup s, String reason, String quantity) {
        return api.post(key, "/api/v1/stock/adjustments", body(s, reason, quantity));
    }

    private static Map<String, Object> body(Setup s, String reason, String quantity) {
        return Map.of("locationId", s.location(), "reason", reason, "note", "test",
                "lines", List.of(Map.of("itemId", s.item(), "quantity", new BigDecimal(quantity))));
    }

    private void receive(TestFixtures.Tenant tenant, UUID location, UUID item, String quantity, String cost) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(StockPostings.Line.in(location, item, MovementType.RECEIPT,
                new BigDecimal(quantity), new BigDecimal(cost))))));
    }

    private void setThreshold(TestFixtures.Tenant tenant, BigDecimal threshold) {
        stock.asAdmin(tenant, () -> jdbc.sql("UPDATE tenants SET adjustment_approval_threshold = :t WHERE id = :id")
                .param("t", threshold).param("id", tenant.id()).update());
    }

    /** The adjustment's ledger rows as "document type|reason|quantity". */
    private List<String> ledgerRows(TestFixtures.Tenant tenant, UUID adjustment) {
        return stock.asAdmin(tenant, () -> jdbc.sql("""
                        SELECT document_type || '|' || reason || '|' || quantity FROM stock_ledger
                        WHERE document_id = :id ORDER BY id""")
                .param("id", adjustment).query(String.class).list());
    }

    private List<String> notices(TestFixtures.Tenant tenant, UUID user) {
        return stock.asAdmin(tenant, () -> jdbc.sql("SELECT type || '|' || link FROM notifications WHERE user_id = :u")
                .param("u", user).query(String.class).list());
    }
}
