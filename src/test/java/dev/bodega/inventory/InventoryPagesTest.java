package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory pages as a browser uses them: session cookie, CSRF, forms, htmx fragments. */
@BodegaTest
class InventoryPagesTest {

    private static final Pattern KEY = Pattern.compile("id=\"idempotency-key\" value=\"([^\"]+)\"");
    private static final Pattern POSTING = Pattern.compile("/inventory/postings/([0-9a-f-]{36})\\?posted");

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    TestFixtures.Tenant tenant;
    WebSession browser;
    UUID central;
    UUID workshop;
    UUID item;

    @BeforeEach
    void signIn() {
        tenant = fixtures.tenant();
        central = stock.location(tenant, "Central");
        workshop = stock.location(tenant, "Taller");
        item = stock.item(tenant, "PAGE-1", "pcs", new BigDecimal("5"));
        stock.asAdmin(tenant, () -> jdbc.sql("UPDATE items SET barcode = '7700000000017' WHERE id = :id")
                .param("id", item).update());
        browser = new WebSession(api.baseUrl(), "pages test");
        assertThat(browser.login(tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void aScannedCodeBecomesAFormLineAndAnUnknownOneAnError() {
        var line = browser.get("/inventory/scan?mode=receive&code=7700000000017");
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.body()).startsWith("<tr").contains("name=\"itemId\" value=\"" + item + "\"", "PAGE-1",
                "name=\"quantity\"", "name=\"unitCost\"");
        assertThat(browser.get("/inventory/scan?mode=issue&code=page-1").body()).contains("PAGE-1")
                .doesNotContain("unitCost");
        var unknown = browser.get("/inventory/scan?mode=receive&code=NOPE-9");
        assertThat(unknown.body()).startsWith("<span").contains("NOPE-9").doesNotContain("<tr");
    }

    @Test
    void aReceiptFormPostsOnceEvenWhenSubmittedTwice() {
        var form = browser.get("/inventory/receive");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"receive-form\"", "id=\"scan-code\"", "hx-get=\"/inventory/scan?mode=receive\"");
        String key = find(KEY, form.body());
        Map<String, Object> fields = Map.of("idempotencyKey", key, "locationId", central.toString(),
                "reference", "FAC-77", "itemId", List.of(item.toString()), "quantity", List.of("12"),
                "unitCost", List.of("2,50"));

        var first = browser.post("/inventory/receive", fields);
        var second = browser.post("/inventory/receive", fields);

        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        String posting = find(POSTING, first.location());
        assertThat(stock.onHand(tenant, central, item)).isEqualByComparingTo("12");
        var result = browser.get("/inventory/postings/" + posting + "?posted");
        assertThat(result.body()).contains("id=\"posting-message\"", "class=\"ledger-row\"", "PAGE-1", "FAC-77");
        var level = api.get(tenant.adminKey(), "/api/v1/stock/levels?itemId=" + item).json().get("items").get(0);
        assertThat(level.get("avgCost").decimalValue()).isEqualByComparingTo("2.50");
    }

    @Test
    void formErrorsShowInline() {
        String key = find(KEY, browser.get("/inventory/issue").body());
        var noLocation = browser.post("/inventory/issue", Map.of("idempotencyKey", key, "locationId", "",
                "itemId", List.of(item.toString()), "quantity", List.of("0")));
        assertThat(noLocation.status()).isEqualTo(200);
        assertThat(noLocation.body()).contains("id=\"movement-location-error\"", "Elija una ubicación.",
                "Indique una cantidad mayor que cero.", "value=\"" + key + "\"");

        var tooMuch = browser.post("/inventory/issue", Map.of("idempotencyKey", key, "locationId", central.toString(),
                "itemId", List.of(item.toString()), "quantity", List.of("3")));
        assertThat(tooMuch.status()).isEqualTo(200);
        assertThat(tooMuch.body()).contains("id=\"movement-error\"", "No hay suficiente stock de PAGE-1: hay 0 y se piden 3.");
        assertThat(stock.onHand(tenant, central, item)).isEqualByComparingTo("0");

        var noLines = browser.post("/inventory/issue", Map.of("idempotencyKey", key, "locationId", central.toString()));
        assertThat(noLines.body()).contains("id=\"lines-error\"");
    }

    @Test
    void theKardexShowsAnAdjustmentsReasonInWordsNotItsCode() {
        receive("8");
        var adjusted = api.post(tenant.adminKey(), "/api/v1/stock/adjustments", Map.of("locationId", central,
                "reason", "damaged", "lines", List.of(Map.of("itemId", item, "quantity", -1))));
        assertThat(adjusted.status()).isEqualTo(201);

        String kardex = browser.get("/inventory/items/" + item + "/kardex").body();
        assertThat(kardex).contains("<td>Dañado</td>").doesNotContain("<td>damaged</td>");
        assertThat(browser.get("/inventory/items/" + item + "/kardex?lang=en").body()).contains("<td>Damaged</td>");
    }

    @Test
    void aTransferShowsUpInTheKardexAndTheOtherPages() {
        receive("8");
        String key = find(KEY, browser.get("/inventory/transfer").body());
        var transfer = browser.post("/inventory/transfer", Map.of("idempotencyKey", key,
                "locationId", central.toString(), "toLocationId", workshop.toString(),
                "itemId", List.of(item.toString()), "quantity", List.of("3")));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(302);
        assertThat(stock.onHand(tenant, workshop, item)).isEqualByComparingTo("3");

        var kardex = browser.get("/inventory/items/" + item + "/kardex");
        assertThat(kardex.status()).isEqualTo(200);
        assertThat(kardex.body()).contains("id=\"kardex-table\"", "Transferencia (salida)", "Transferencia (entrada)");
        assertThat(count(kardex.body(), "class=\"kardex-row\"")).isEqualTo(3);
        assertThat(kardex.body()).contains("hx-get=\"/inventory/items/" + item + "/stock-panel\"", "hx-trigger=\"load\"");
        assertThat(browser.get("/inventory/items/" + item + "/kardex?locationId=" + workshop).body())
                .contains("class=\"num location-balance\">3<");

        var levels = browser.get("/inventory?q=page");
        assertThat(levels.body()).contains("id=\"levels-table\"", ">Bajo<");
        assertThat(count(levels.body(), "pill status status-BAJO")).as("5 at central, 3 at the workshop; minimum 5").isEqualTo(2);
        assertThat(browser.get("/inventory?status=ALTO").body()).contains("id=\"levels-none\"");
        assertThat(browser.get("/inventory/low-stock").body()).contains("id=\"low-stock-table\"", "PAGE-1");
        assertThat(browser.get("/inventory/valuation").body()).contains("id=\"valuation-total\"", "USD 8,00");
        var panel = browser.get("/inventory/items/" + item + "/stock-panel");
        assertThat(panel.body()).startsWith("<section").contains("Central", "Taller", "/inventory/items/" + item + "/kardex");
        assertThat(browser.get("/inventory?lang=en").body()).contains("Stock", "Low stock");
    }

    @Test
    void locationsAreCreatedEditedAndStaffedFromTheirPages() {
        UUID seller = fixtures.user(tenant, "vendedor@" + tenant.slug() + ".test", "seller");
        var list = browser.get("/inventory/locations");
        assertThat(list.body()).contains("id=\"locations-table\"", "id=\"location-create-form\"");
        var created = browser.post("/inventory/locations", Map.of("name", "Tienda Sur", "kind", "store",
                "address", "Cra 5", "phone", "601 555 1234", "active", "true"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String path = java.net.URI.create(created.location()).getPath();
        assertThat(path).contains("/inventory/locations/");

        var taken = browser.post("/inventory/locations", Map.of("name", "tienda sur", "kind", "store", "active", "true"));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("id=\"location-name-error\"", "Ya existe una ubicación con ese nombre.");

        var page = browser.get(path);
        assertThat(page.body()).contains("id=\"location-form\"", "id=\"assign-" + seller + "\"");
        var saved = browser.post(path, Map.of("name", "Tienda Sur 2", "kind", "store", "address", "Cra 6",
                "phone", "", "active", "true", "version", "0"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        var stale = browser.post(path, Map.of("name", "Tienda Sur 3", "kind", "store", "active", "true", "version", "0"));
        assertThat(stale.body()).contains("id=\"location-form-error\"");

        var staffed = browser.post(path + "/users", Map.of("userIds", List.of(seller.toString())));
        assertThat(staffed.status()).isEqualTo(302);
        String id = path.substring(path.lastIndexOf('/') + 1);
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + seller + "/locations").json().get("items").get(0)
                .get("id").asString()).isEqualTo(id);
        assertThat(browser.get(path).body()).contains("Tienda Sur 2", "checked");
    }

    private void receive(String quantity) {
        String key = find(KEY, browser.get("/inventory/receive").body());
        var response = browser.post("/inventory/receive", Map.of("idempotencyKey", key, "locationId", central.toString(),
                "itemId", List.of(item.toString()), "quantity", List.of(quantity), "unitCost", List.of("1")));
        assertThat(response.status()).as(response.body()).isEqualTo(302);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
