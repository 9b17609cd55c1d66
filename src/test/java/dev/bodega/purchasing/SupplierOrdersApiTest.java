package dev.bodega.purchasing;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Supplier orders through the API: numbering, drafts edited with If-Match, sending, cancel rules, lists, refusals. */
@BodegaTest
class SupplierOrdersApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void ordersAreNumberedPerCompanyWithoutGapsAndPricedPerLine() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID screw = buyer.item("SCREW-1", "0", "0");
        UUID nut = buyer.item("NUT-1", "0", "0");

        JsonNode first = buyer.create(buyer.order(screw, 3, "0.3333", nut, 7, "1.005"));
        assertThat(first.get("number").asString()).isEqualTo("OC-000001");
        assertThat(first.get("status").asString()).isEqualTo("draft");
        assertThat(first.get("currency").asString()).isEqualTo("USD");
        // 3 × 0.3333 = 0.9999 → 1.00; 7 × 1.005 = 7.035 → 7.04 (half-up, per line)
        assertThat(first.get("lines").get(0).get("lineTotal").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(first.get("lines").get(1).get("lineTotal").decimalValue()).isEqualByComparingTo("7.04");
        assertThat(first.get("total").decimalValue()).isEqualByComparingTo("8.04");
        assertThat(first.get("orderDate").asString()).isEqualTo(fixtures.today(buyer.tenant).toString());
        assertThat(first.get("createdBy").asString()).isEqualTo(buyer.tenant.adminId().toString());

        // A refused order gives its number back; another company counts on its own.
        var refused = api.post(buyer.tenant.adminKey(), "/api/v1/purchasing/orders",
                buyer.order(UUID.randomUUID(), 1, "1.00"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(buyer.create(buyer.order(screw, 1, "1.00")).get("number").asString()).isEqualTo("OC-000002");
        Buyer other = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID theirs = other.item("THEIRS-1", "0", "0");
        assertThat(other.create(other.order(theirs, 1, "1.00")).get("number").asString()).isEqualTo("OC-000001");

        // Without a unit cost the line takes the item's cost price (1.00 for fixture items).
        Map<String, Object> costless = buyer.order();
        costless.put("lines", List.of(Map.of("itemId", nut, "quantity", 4)));
        assertThat(buyer.create(costless).get("lines").get(0).get("unitCost").decimalValue()).isEqualByComparingTo("1.00");
    }

    @Test
    void aDraftIsEditedWithIfMatchAndNoLongerOnceSent() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID tape = buyer.item("TAPE-1", "0", "0");
        UUID glue = buyer.item("GLUE-2", "0", "0");
        JsonNode draft = buyer.create(buyer.order(tape, 5, "2.00"));
        String path = "/api/v1/purchasing/orders/" + draft.get("id").asString();
        assertThat(api.get(buyer.tenant.adminKey(), path).header("ETag")).isEqualTo("\"0\"");

        Map<String, Object> edited = buyer.order(glue, 2, "3.50", tape, 1, "2.00");
        edited.put("expectedDate", fixtures.today(buyer.tenant).plusDays(30).toString());
        edited.put("notes", "Urgente");
        var missing = api.put(buyer.tenant.adminKey(), path, edited, Map.of());
        assertThat(missing.status()).isEqualTo(428);
        var stale = api.put(buyer.tenant.adminKey(), path, edited, Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
        var ok = api.put(buyer.tenant.adminKey(), path, edited, Map.of("If-Match", "\"0\""));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"1\"");
        assertThat(ok.json().get("lines")).hasSize(2);
        assertThat(ok.json().get("lines").get(0).get("sku").asString()).isEqualTo("GLUE-2");
        assertThat(ok.json().get("total").decimalValue()).isEqualByComparingTo("9.00");
        assertThat(ok.json().get("notes").asString()).isEqualTo("Urgente");
        assertThat(buyer.query("SELECT count(*) FROM audit_log WHERE table_name = 'supplier_order_lines' "
                + "AND action = 'DELETE'", Map.of(), Long.class)).isEqualTo(1);

        var sent = api.post(buyer.tenant.adminKey(), path + "/send", null);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("sent");
        assertThat(sent.json().hasNonNull("sentAt")).isTrue();
        var late = api.put(buyer.tenant.adminKey(), path, edited, Map.of("If-Match", "\"2\""));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).endsWith("/order-not-draft");
        assertThat(api.post(buyer.tenant.adminKey(), path + "/send", null).json().get("type").asString())
                .endsWith("/order-not-draft");
    }

    @Test
    void cancelRules() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID pipe = buyer.item("PIPE-1", "0", "0");
        String key = buyer.tenant.adminKey();

        JsonNode draft = buyer.create(buyer.order(pipe, 10, "4.00"));
        var cancelledDraft = api.post(key, "/api/v1/purchasing/orders/" + draft.get("id").asString() + "/cancel",
                Map.of("reason", "Duplicado"));
        assertThat(cancelledDraft.status()).isEqualTo(200);
        assertThat(cancelledDraft.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelledDraft.json().get("cancellationReason").asString()).isEqualTo("Duplicado");
        assertThat(cancelledDraft.json().get("cancelledBy").asString()).isEqualTo(buyer.tenant.adminId().toString());
        var twice = api.post(key, "/api/v1/purchasing/orders/" + draft.get("id").asString() + "/cancel",
                Map.of("reason", "Otra vez"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).endsWith("/order-not-cancellable");

        // The rest of a partially received order is cancelled; what arrived stays in stock.
        JsonNode partial = buyer.sent(buyer.order(pipe, 10, "4.00"));
        assertThat(buyer.receive(partial, Buyer.delivery(partial, 1, 4), null).status()).isEqualTo(201);
        var cancelledRest = api.post(key, "/api/v1/purchasing/orders/" + partial.get("id").asString() + "/cancel",
                Map.of("reason", "El proveedor no enviará el resto"));
        assertThat(cancelledRest.status()).isEqualTo(200);
        assertThat(cancelledRest.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelledRest.json().get("lines").get(0).get("receivedQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(cancelledRest.json().get("receivedValue").decimalValue()).isEqualByComparingTo("16.00");
        assertThat(buyer.onHand(pipe)).isEqualByComparingTo("4");
        var afterCancel = buyer.receive(partial, Buyer.delivery(partial, 1, 6), null);
        assertThat(afterCancel.status()).isEqualTo(409);
        assertThat(buyer.onHand(pipe)).isEqualByComparingTo("4");

        JsonNode received = buyer.sent(buyer.order(pipe, 2, "4.00"));
        assertThat(buyer.receive(received, Buyer.delivery(received, 1, 2), null).status()).isEqualTo(201);
        var refused = api.post(key, "/api/v1/purchasing/orders/" + received.get("id").asString() + "/cancel",
                Map.of("reason", "Tarde"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/order-not-cancellable");
        assertThat(buyer.get(received).get("status").asString()).isEqualTo("received");

        JsonNode sent = buyer.sent(buyer.order(pipe, 2, "4.00"));
        var noReason = api.post(key, "/api/v1/purchasing/orders/" + sent.get("id").asString() + "/cancel", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(api.post(key, "/api/v1/purchasing/orders/" + sent.get("id").asString() + "/cancel",
                Map.of("reason", "Cambio de proveedor")).json().get("status").asString()).isEqualTo("cancelled");
        assertThat(buyer.onHand(pipe)).isEqualByComparingTo("6");
        assertThat(buyer.ledgerMismatches()).isZero();
    }

    @Test
    void invalidRequestsAreProblemsNamingWhatIsWrong() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID bolt = buyer.item("BOLT-2", "0", "0");
        UUID sand = stock.item(buyer.tenant, "SAND-1", "kg", java.math.BigDecimal.ZERO);
        String key = buyer.tenant.adminKey();

        var malformed = api.post(key, "/api/v1/purchasing/orders", Map.of("lines", List.of(
                Map.of("itemId", bolt, "quantity", -1))));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("content-type")).startsWith("application/problem+json");
        assertThat(malformed.body()).contains("supplierId", "locationId", "lines[0].quantity");

        assertProblem(api.post(key, "/api/v1/purchasing/orders", with(buyer.order(bolt, 1, "1.00"), "supplierId",
                UUID.randomUUID())), "unknown-supplier");
        assertProblem(api.post(key, "/api/v1/purchasing/orders", with(buyer.order(bolt, 1, "1.00"), "locationId",
                UUID.randomUUID())), "unknown-location");
        Map<String, Object> backwards = buyer.order(bolt, 1, "1.00");
        backwards.put("orderDate", "2026-03-10");
        backwards.put("expectedDate", "2026-03-01");
        assertProblem(api.post(key, "/api/v1/purchasing/orders", backwards), "expected-before-order");
        assertProblem(api.post(key, "/api/v1/purchasing/orders", buyer.order(bolt, 1.5, "1.00")), "quantity-decimals");
        assertThat(api.post(key, "/api/v1/purchasing/orders", buyer.order(sand, 1.25, "1.00")).status()).isEqualTo(201);
        assertProblem(api.post(key, "/api/v1/purchasing/orders", buyer.order(bolt, 1, "1.00", bolt, 2, "1.00")),
                "duplicate-item");
        buyer.sql("UPDATE items SET active = false WHERE id = :id", Map.of("id", bolt));
        assertProblem(api.post(key, "/api/v1/purchasing/orders", buyer.order(bolt, 1, "1.00")), "inactive-item");
        buyer.sql("UPDATE items SET active = true WHERE id = :id", Map.of("id", bolt));
        buyer.sql("UPDATE suppliers SET active = false WHERE id = :id", Map.of("id", buyer.supplier));
        assertProblem(api.post(key, "/api/v1/purchasing/orders", buyer.order(bolt, 1, "1.00")), "inactive-supplier");
        buyer.sql("UPDATE suppliers SET active = true WHERE id = :id", Map.of("id", buyer.supplier));

        JsonNode order = buyer.sent(buyer.order(bolt, 5, "1.00"));
        Map<String, Object> foreignLine = Map.of("lines", List.of(Map.of("lineId", UUID.randomUUID(), "quantity", 1)));
        assertProblem(buyer.receive(order, foreignLine, null), "unknown-line");
        assertProblem(buyer.receive(order, Buyer.delivery(order, 1, 0), null), "empty-receipt");
        assertProblem(buyer.receive(order, Buyer.delivery(order, 1, 1, 1, 2), null), "duplicate-line");
        assertProblem(buyer.receive(order, Buyer.delivery(order, 1, 0.5), null), "quantity-decimals");
        assertThat(buyer.receive(order, Buyer.delivery(order, 1, -1), null).status()).isEqualTo(400);
        assertThat(api.get(key, "/api/v1/purchasing/orders?status=lost").status()).isEqualTo(422);
        assertThat(buyer.query("SELECT count(*) FROM supplier_receipts", Map.of(), Long.class)).isZero();
        assertThat(buyer.onHand(bolt)).isEqualByComparingTo("0");
    }

    @Test
    void listsFilterByStatusAndSupplierAndPageNewestFirst() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID other = buyer.supplier("Otra proveedora");
        UUID item = buyer.item("LIST-1", "0", "0");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(buyer.create(buyer.order(item, 1, "1.00")).get("id").asString());
        }
        created.add(buyer.sent(buyer.order(item, 1, "1.00")).get("id").asString());
        created.add(buyer.create(with(buyer.order(item, 1, "1.00"), "supplierId", other)).get("id").asString());
        String key = buyer.tenant.adminKey();

        assertThat(ids(api.get(key, "/api/v1/purchasing/orders").json())).containsExactly(
                created.get(4), created.get(3), created.get(2), created.get(1), created.get(0));
        assertThat(ids(api.get(key, "/api/v1/purchasing/orders?status=sent").json())).containsExactly(created.get(3));
        assertThat(ids(api.get(key, "/api/v1/purchasing/orders?supplierId=" + other).json())).containsExactly(created.get(4));
        JsonNode firstPage = api.get(key, "/api/v1/purchasing/orders?status=draft&supplierId=" + buyer.supplier
                + "&limit=2").json();
        assertThat(ids(firstPage)).containsExactly(created.get(2), created.get(1));
        JsonNode secondPage = api.get(key, "/api/v1/purchasing/orders?status=draft&supplierId=" + buyer.supplier
                + "&limit=2&cursor=" + firstPage.get("nextCursor").asString()).json();
        assertThat(ids(secondPage)).containsExactly(created.get(0));
        assertThat(secondPage.hasNonNull("nextCursor")).isFalse();
        JsonNode summary = api.get(key, "/api/v1/purchasing/orders?status=sent").json().get("items").get(0);
        assertThat(summary.get("supplierName").asString()).isEqualTo("Proveedora Andina");
        assertThat(summary.get("locationName").asString()).isEqualTo("Bodega principal");
    }

    @Test
    void permissionsReadWriteAndReceive() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID item = buyer.item("PERM-1", "0", "0");
        JsonNode order = buyer.sent(buyer.order(item, 3, "1.00"));
        String orderPath = "/api/v1/purchasing/orders/" + order.get("id").asString();

        UUID viewer = fixtures.user(buyer.tenant, "viewer@" + buyer.tenant.slug() + ".test", "viewer");
        String viewerKey = fixtures.apiKey(buyer.tenant, viewer, Set.of("*.read"), List.of("*.read"));
        assertThat(api.get(viewerKey, orderPath).status()).isEqualTo(200);
        assertThat(api.get(viewerKey, "/api/v1/purchasing/lead-times").status()).isEqualTo(200);
        assertThat(api.post(viewerKey, "/api/v1/purchasing/orders", buyer.order(item, 1, "1.00")).status()).isEqualTo(403);

        UUID seller = fixtures.user(buyer.tenant, "seller@" + buyer.tenant.slug() + ".test", "seller");
        String sellerKey = fixtures.apiKey(buyer.tenant, seller, Set.of("sales.*"), List.of("sales.*"));
        assertThat(api.get(sellerKey, orderPath).status()).isEqualTo(403);

        UUID clerk = fixtures.user(buyer.tenant, "clerk@" + buyer.tenant.slug() + ".test", "manager");
        String writeOnly = fixtures.apiKey(buyer.tenant, clerk, Set.of("purchasing.*"), List.of("purchasing.read", "purchasing.write"));
        assertThat(api.post(writeOnly, orderPath + "/receipts", Buyer.delivery(order, 1, 1)).status()).isEqualTo(403);
        String receiver = fixtures.apiKey(buyer.tenant, clerk, Set.of("purchasing.*"), List.of("purchasing.receive"));
        assertThat(api.post(receiver, orderPath + "/receipts", Buyer.delivery(order, 1, 1)).status()).isEqualTo(201);
        assertThat(api.post(receiver, orderPath + "/cancel", Map.of("reason", "x")).status()).isEqualTo(403);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(o -> ids.add(o.get("id").asString()));
        return ids;
    }

    private static void assertProblem(Api.Response response, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/" + type);
    }
}
