package dev.bodega.sales;

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

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The till, sales, receipt and customers pages render in both languages and their forms work. */
@BodegaTest
class SalesPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void tillSalesListDetailAndReceiptRender() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        UUID item = shop.item("PAGE-1", "11.90", "10", "5.00");
        UUID customer = shop.customer("123123", "Julia");
        JsonNode sale = shop.sell(customer, Shop.lines(item, 2));
        WebSession browser = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.tenant.adminEmail(), TestFixtures.PASSWORD);

        var pos = browser.get("/pos");
        assertThat(pos.status()).isEqualTo(200);
        assertThat(pos.body()).contains("id=\"pos-scan\"", "Tienda centro", "/js/pos.js", "data-decimals=\"2\"");
        assertNoMissingMessages(pos.body());

        var list = browser.get("/sales");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("F001-00000001", "Julia", "id=\"nav-sales\"");
        assertNoMissingMessages(list.body());

        String id = sale.get("id").asString();
        var detail = browser.get("/sales/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("Item PAGE-1", "23,80", "id=\"cancel-form\"", "id=\"return-form\"");
        assertNoMissingMessages(detail.body());

        var receipt = browser.get("/sales/" + id + "/receipt");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains("size: 80mm", "F001-00000001", "USD 23,80", "Impuesto incluido");
        assertNoMissingMessages(receipt.body());
        var english = browser.get("/sales/" + id + "/receipt?lang=en");
        assertThat(english.body()).contains("Tax included", "Thank you", "USD 23.80");
        assertNoMissingMessages(browser.get("/pos").body());
        assertNoMissingMessages(browser.get("/sales/" + id).body());
    }

    @Test
    void returnAndCancelFromTheSalePage() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("PAGE-2", "4.00", "10", "1.00");
        JsonNode returned = shop.sell(null, Shop.lines(item, 3));
        JsonNode cancelled = shop.sell(null, Shop.lines(item, 2));
        WebSession browser = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.tenant.adminEmail(), TestFixtures.PASSWORD);
        String returnedId = returned.get("id").asString();
        String lineId = returned.get("lines").get(0).get("id").asString();

        browser.get("/sales/" + returnedId);
        var tooMany = browser.post("/sales/" + returnedId + "/returns", Map.of(
                "qty-" + lineId, "4", "reason", "Talla equivocada", "refundMethod", "cash", "locationId", shop.store.toString()));
        assertThat(tooMany.status()).isEqualTo(302);
        assertThat(browser.get("/sales/" + returnedId).body()).contains("No se puede devolver más de lo vendido");

        var ok = browser.post("/sales/" + returnedId + "/returns", Map.of(
                "qty-" + lineId, "1", "reason", "Talla equivocada", "refundMethod", "card", "locationId", shop.store.toString()));
        assertThat(ok.status()).isEqualTo(302);
        String page = browser.get("/sales/" + returnedId).body();
        assertThat(page).contains("Devolución registrada.", "Talla equivocada").doesNotContain("id=\"cancel-form\"");
        assertThat(shop.onHand(item)).isEqualByComparingTo("6");

        String cancelledId = cancelled.get("id").asString();
        browser.get("/sales/" + cancelledId);
        assertThat(browser.post("/sales/" + cancelledId + "/cancel", Map.of("reason", "Cobro duplicado")).status()).isEqualTo(302);
        page = browser.get("/sales/" + cancelledId).body();
        assertThat(page).contains("Venta anulada.", "Cobro duplicado", "F001-00000002");
        assertThat(shop.onHand(item)).isEqualByComparingTo("8");
    }

    @Test
    void customersListFormAndEdit() {
        var tenant = fixtures.tenant();
        WebSession browser = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        var list = browser.get("/customers");
        assertThat(list.status()).isEqualTo(200);
        assertNoMissingMessages(list.body());

        var created = browser.post("/customers", customer("CC", "5566", "Pedro", "pedro@example.com"));
        assertThat(created.status()).isEqualTo(302);
        String location = created.header("location");
        assertThat(location).contains("/customers/").endsWith("?created");
        String path = java.net.URI.create(location).getPath();
        var detail = browser.get(path + "?created");
        assertThat(detail.body()).contains("Cliente creado.", "Pedro", "Historial de compras");
        assertNoMissingMessages(detail.body());

        browser.get("/customers");
        var duplicate = browser.post("/customers", customer("cc", "5566", "Otro", ""));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.body()).contains("Otro cliente ya tiene ese tipo y número de documento.");
        var invalid = browser.post("/customers", customer("CC", "", "", "no-es-correo"));
        assertThat(invalid.body()).contains("Indique el número de documento.", "Indique el nombre.", "El correo no es válido.");

        browser.get(path);
        Map<String, String> changes = customer("CC", "5566", "Pedro", "pedro@example.com");
        changes.put("city", "Cali");
        changes.put("version", "0");
        assertThat(browser.post(path, changes).status()).isEqualTo(302);
        assertThat(browser.get(path + "?saved").body()).contains("Cambios guardados.", "Cali");
        var stale = browser.post(path, changes);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("Otra persona modificó este registro");
        assertThat(browser.post(path + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/customers").body()).contains("Cliente eliminado.").doesNotContain("5566");
    }

    private static Map<String, String> customer(String type, String number, String name, String email) {
        Map<String, String> form = new HashMap<>();
        form.put("documentType", type);
        form.put("documentNumber", number);
        form.put("firstName", name);
        form.put("email", email);
        form.put("active", "true");
        return form;
    }

    private static void assertNoMissingMessages(String html) {
        assertThat(html).doesNotContain("??");
    }
}
