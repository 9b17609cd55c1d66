package dev.bodega.purchasing;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The purchasing pages render in both languages, and their forms create, edit, send, receive and cancel. */
@BodegaTest
class PurchasingPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void anOrderIsCreatedEditedSentAndReceivedFromThePages() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID rope = buyer.item("ROPE-1", "0", "0");
        WebSession browser = WebSession.signedIn(api.baseUrl(), buyer.tenant.slug(), buyer.tenant.adminEmail(),
                TestFixtures.PASSWORD);

        var list = browser.get("/purchasing/orders");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"nav-purchasing\"", "Pedidos a proveedores", "id=\"export-form\"",
                "/api/v1/purchasing/orders.csv");
        assertNoMissingMessages(list.body());

        var form = browser.get("/purchasing/orders/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"order-code\"", "Proveedora Andina", "Bodega principal", "/js/purchase-order.js");
        assertNoMissingMessages(form.body());

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("locationId", buyer.warehouse.toString());
        fields.put("itemId", rope.toString());
        fields.put("quantity", "0");
        fields.put("unitCost", "1,50");
        var refused = browser.post("/purchasing/orders", fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Elija un proveedor.", "Escriba una cantidad mayor que cero", "ROPE-1",
                "value=\"1,50\"");
        assertNoMissingMessages(refused.body());

        fields.put("supplierId", buyer.supplier.toString());
        fields.put("quantity", "10");
        fields.put("orderDate", "2026-03-10");
        fields.put("expectedDate", "2026-03-01");
        var backwards = browser.post("/purchasing/orders", fields);
        assertThat(backwards.status()).isEqualTo(200);
        assertThat(backwards.body()).contains("id=\"order-expected-error\"", "no puede ser anterior");

        fields.put("expectedDate", "2026-03-17");
        var created = browser.post("/purchasing/orders", fields);
        assertThat(created.status()).isEqualTo(302);
        String path = created.header("location").replaceFirst("^https?://[^/]+", "");
        assertThat(path).matches("/purchasing/orders/[0-9a-f-]{36}");
        var draft = browser.get(path);
        assertThat(draft.body()).contains("OC-000001", "Borrador", "id=\"send-order\"", "id=\"edit-order\"", "15,00",
                "<dd id=\"order-expected\">17/03/2026</dd>");
        assertNoMissingMessages(draft.body());

        var edit = browser.get(path + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"10\"", "value=\"1.50\"", "2026-03-17");
        fields.put("quantity", "12");
        fields.put("version", "0");
        assertThat(browser.post(path, fields).status()).isEqualTo(302);
        fields.put("quantity", "13");
        var stale = browser.post(path, fields);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("Otra persona cambió este pedido");

        assertThat(browser.post(path + "/send", Map.of()).status()).isEqualTo(302);
        var sent = browser.get(path);
        assertThat(sent.body()).contains("Pedido enviado al proveedor.", "Enviado", "id=\"receive-form\"",
                "id=\"cancel-form\"").doesNotContain("id=\"send-order\"");
        JsonNode order = api.get(buyer.tenant.adminKey(), "/api/v1" + path).json();
        String line = order.get("lines").get(0).get("id").asString();

        Map<String, String> delivery = new LinkedHashMap<>();
        delivery.put("qty-" + line, "15");
        delivery.put("locationId", buyer.warehouse.toString());
        delivery.put("idempotencyKey", UUID.randomUUID().toString());
        var over = browser.post(path + "/receive", delivery);
        assertThat(over.status()).isEqualTo(200);
        assertThat(over.body()).contains("id=\"receive-confirm\"", "ROPE-1: quedan 12 pendientes y se están recibiendo 15.",
                "value=\"15\"");
        assertNoMissingMessages(over.body());
        assertThat(buyer.onHand(rope)).isEqualByComparingTo("0");

        delivery.put("confirmOverReceipt", "true");
        delivery.put("idempotencyKey", UUID.randomUUID().toString());
        assertThat(browser.post(path + "/receive", delivery).status()).isEqualTo(302);
        assertThat(browser.post(path + "/receive", delivery).status()).isEqualTo(302);   // the same form twice
        assertThat(buyer.onHand(rope)).isEqualByComparingTo("15");
        var received = browser.get(path);
        assertThat(received.body()).contains("Entrega recibida", "Recibido", "id=\"receipt-1\"", "más de lo pedido")
                .doesNotContain("id=\"receipt-2\"", "id=\"receive-form\"", "id=\"cancel-form\"");
        assertNoMissingMessages(received.body());
        assertNoMissingMessages(browser.get(path + "?lang=en").body());
        assertThat(browser.get(path).body()).contains("Fully received", "Deliveries received");
    }

    @Test
    void cancelFromThePageAndLeadTimesAndFiltersRender() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID wire = buyer.item("WIRE-1", "0", "0");
        JsonNode order = buyer.sent(buyer.order(wire, 5, "2.00"));
        assertThat(buyer.receive(order, Buyer.delivery(order, 1, 5), null).status()).isEqualTo(201);
        JsonNode draft = buyer.create(buyer.order(wire, 1, "2.00"));
        WebSession browser = WebSession.signedIn(api.baseUrl(), buyer.tenant.slug(), buyer.tenant.adminEmail(),
                TestFixtures.PASSWORD);

        String path = "/purchasing/orders/" + draft.get("id").asString();
        browser.get(path);
        assertThat(browser.post(path + "/cancel", Map.of("reason", " ")).status()).isEqualTo(302);
        assertThat(browser.get(path).body()).contains("Escriba el motivo de la cancelación");
        assertThat(browser.post(path + "/cancel", Map.of("reason", "Pedido duplicado")).status()).isEqualTo(302);
        assertThat(browser.get(path).body()).contains("Pedido cancelado.", "Pedido duplicado", "Cancelado");

        var received = browser.get("/purchasing/orders?status=received");
        assertThat(received.body()).contains(order.get("number").asString()).doesNotContain(draft.get("number").asString());
        assertNoMissingMessages(received.body());

        var leadTimes = browser.get("/purchasing/lead-times");
        assertThat(leadTimes.status()).isEqualTo(200);
        assertThat(leadTimes.body()).contains("Plazos de entrega", "Proveedora Andina", "id=\"lead-" + buyer.supplier + "\"");
        assertNoMissingMessages(leadTimes.body());
        assertNoMissingMessages(browser.get("/purchasing/lead-times?lang=en").body());
        assertThat(browser.get("/purchasing/orders").body()).contains("Supplier orders", "Partially received", "Download CSV")
                .doesNotContain("??");
        var csv = browser.get("/api/v1/purchasing/orders.csv?from=&to=");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("WIRE-1");

        UUID seller = fixtures.user(buyer.tenant, "seller@" + buyer.tenant.slug() + ".test", "seller");
        WebSession sellerBrowser = WebSession.signedIn(api.baseUrl(), buyer.tenant.slug(),
                "seller@" + buyer.tenant.slug() + ".test", TestFixtures.PASSWORD);
        assertThat(seller).isNotNull();
        assertThat(sellerBrowser.get("/").body()).doesNotContain("id=\"nav-purchasing\"");
        assertThat(sellerBrowser.get("/purchasing/orders").status()).isEqualTo(403);
    }

    private static void assertNoMissingMessages(String html) {
        assertThat(html).doesNotContain("??");
    }
}
