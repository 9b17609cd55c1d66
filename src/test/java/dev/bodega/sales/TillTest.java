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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the till asks of the sales API: refusals that name the item and the store (never an id), items found by
 * name with accents and typos forgiven, a product grid by category, parked sales changed and completed, and a
 * seller's void approved by a manager; the till's pages in the user's language.
 */
@BodegaTest
class TillTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void aShortageNamesTheItemItsSkuAndTheStoreNeverAnId() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID plug = shop.item("BUJ-1", "10.00", "5", "4.00");
        shop.sql("UPDATE items SET name = 'Bujía NGK' WHERE id = :id", Map.of("id", plug));

        Api.Response refused = api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(plug, 7), true, "70.00"));

        assertThat(refused.status()).isEqualTo(409);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).endsWith("/insufficient-stock");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("sku").asString()).isEqualTo("BUJ-1");
        assertThat(problem.get("itemName").asString()).isEqualTo("Bujía NGK");
        assertThat(problem.get("locationName").asString()).isEqualTo("Tienda centro");
        assertThat(problem.get("onHand").asString()).isEqualTo("5.000");
        assertThat(problem.get("requested").asString()).isEqualTo("7.000");
        assertThat(problem.get("detail").asString()).contains("BUJ-1 (Bujía NGK)", "Tienda centro")
                .doesNotContain(plug.toString(), shop.store.toString());
    }

    @Test
    void discountsAndPaymentsAreRefusedWithWhatTheTillNeedsToSayIt() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("DSC-1", "10.00", "5", "4.00");
        String key = shop.tenant.adminKey();

        Map<String, Object> overDiscount = shop.sale(null, Shop.lines(item, 1), false, null);
        overDiscount.put("discount", "15.00");
        Api.Response tooMuch = api.post(key, "/api/v1/sales/quote", overDiscount);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("type").asString()).endsWith("/discount-exceeds-total");
        assertThat(tooMuch.json().get("discount").asString()).isEqualTo("15.00");
        assertThat(tooMuch.json().get("linesTotal").asString()).isEqualTo("10.00");

        overDiscount.put("discount", "-1");
        Api.Response negative = api.post(key, "/api/v1/sales/quote", overDiscount);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("discount");

        Api.Response shortPaid = api.post(key, "/api/v1/sales", shop.sale(null, Shop.lines(item, 2), true, "15.00"));
        assertThat(shortPaid.status()).isEqualTo(422);
        assertThat(shortPaid.json().get("type").asString()).endsWith("/payment-short");
        assertThat(shortPaid.json().get("unpaid").asString()).isEqualTo("5.00");
    }

    @Test
    void theTillFindsItemsByNameWithoutAccentsOrWithATypoAndByCategoryWithImagesAndStock() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        String key = shop.tenant.adminKey();
        UUID plug = shop.item("NGK-BP6", "8.50", "12", "3.00");
        UUID filter = shop.item("FIL-9", "20.00", "0", "0");
        Api.Response category = api.post(key, "/api/v1/categories", Map.of("name", "Encendido"));
        assertThat(category.status()).as(category.body()).isEqualTo(201);
        UUID ignition = UUID.fromString(category.json().get("id").asString());
        shop.sql("UPDATE items SET name = 'Bujía de encendido NGK', category_id = :c, "
                + "image_urls = ARRAY['https://img.example/bujia.jpg'] WHERE id = :id", Map.of("c", ignition, "id", plug));
        shop.sql("UPDATE items SET name = 'Filtro de aceite' WHERE id = :id", Map.of("id", filter));

        for (String typed : List.of("bujia", "Bujía", "BUJIA NGK", "encendio")) {
            JsonNode found = api.get(key, "/api/v1/sales/items?q=" + enc(typed) + "&locationId=" + shop.store).json();
            assertThat(skus(found)).as(typed).startsWith("NGK-BP6").doesNotContain("FIL-9");
            assertThat(found.get(0).get("onHand").decimalValue()).isEqualByComparingTo("12");
        }
        assertThat(api.get(key, "/api/v1/sales/lookup?code=bujia").status()).isEqualTo(404);

        JsonNode categories = api.get(key, "/api/v1/sales/categories").json();
        assertThat(categories.get(0).get("name").asString()).isEqualTo("Encendido");
        JsonNode grid = api.get(key, "/api/v1/sales/items?categoryId=" + ignition + "&locationId=" + shop.store).json();
        assertThat(skus(grid)).containsExactly("NGK-BP6");
        assertThat(grid.get(0).get("imageUrl").asString()).isEqualTo("https://img.example/bujia.jpg");
        JsonNode all = api.get(key, "/api/v1/sales/items?locationId=" + shop.store).json();
        assertThat(skus(all)).contains("NGK-BP6", "FIL-9");

        // A model's parts (seed 003 scooter_types): only what is marked as fitting it, by name search too.
        String model = api.post(key, "/api/v1/vehicle-models", Map.of("name", "Scooter E-2")).json().get("id").asString();
        assertThat(api.put(key, "/api/v1/vehicle-models/" + model + "/items/" + filter, Map.of(), Map.of()).status()).isEqualTo(204);
        String forModel = "/api/v1/sales/items?locationId=" + shop.store + "&modelId=" + model;
        assertThat(skus(api.get(key, forModel).json())).containsExactly("FIL-9");
        assertThat(skus(api.get(key, forModel + "&q=bujia").json())).isEmpty();
        WebSession till = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.tenant.adminEmail(),
                TestFixtures.PASSWORD);
        assertThat(till.get("/pos").body()).contains("id=\"pos-model\"", "Scooter E-2");
    }

    @Test
    void aParkedSaleIsChangedAtTheTillThenCompleted() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        String key = shop.tenant.adminKey();
        UUID a = shop.item("PRK-A", "10.00", "5", "4.00");
        UUID b = shop.item("PRK-B", "3.00", "5", "1.00");
        Api.Response parked = api.post(key, "/api/v1/sales", shop.sale(null, Shop.lines(a, 1), false, null));
        assertThat(parked.status()).isEqualTo(201);
        String id = parked.json().get("id").asString();

        Map<String, Object> changed = shop.sale(null, Shop.lines(a, 2, b, 1), false, null);
        assertThat(api.put(key, "/api/v1/sales/" + id, changed, Map.of()).status()).isEqualTo(428);
        assertThat(api.put(key, "/api/v1/sales/" + id, changed, Map.of("If-Match", "\"7\"")).status()).isEqualTo(409);
        Api.Response updated = api.put(key, "/api/v1/sales/" + id, changed, Map.of("If-Match", "\"0\""));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("status").asString()).isEqualTo("pending");
        assertThat(updated.json().get("total").decimalValue()).isEqualByComparingTo("23.00");
        assertThat(updated.json().get("lines")).hasSize(2);
        assertThat(updated.header("ETag")).isEqualTo("\"1\"");

        Api.Response completed = api.post(key, "/api/v1/sales/" + id + "/complete",
                Map.of("payments", List.of(Map.of("method", "cash", "amount", "30.00"))));
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("status").asString()).isEqualTo("completed");
        assertThat(shop.onHand(a)).isEqualByComparingTo("3");
        assertThat(shop.onHand(b)).isEqualByComparingTo("4");
        Api.Response late = api.put(key, "/api/v1/sales/" + id, changed, Map.of("If-Match", "\"2\""));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).endsWith("/sale-not-pending");
        assertThat(shop.query("SELECT count(*) FROM sale_lines", Map.of(), Long.class)).isEqualTo(2);
    }

    @Test
    void aSellerAsksForAVoidAndAManagerApprovesIt() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("VOID-1", "10.00", "5", "4.00");
        String saleId = shop.sell(null, Shop.lines(item, 2)).get("id").asString();
        UUID sellerId = fixtures.user(shop.tenant, "seller@" + shop.tenant.slug() + ".test", "seller");
        UUID managerId = fixtures.user(shop.tenant, "manager@" + shop.tenant.slug() + ".test", "manager");
        List<String> sellerPermissions = roleStrings(shop, "seller");
        assertThat(sellerPermissions).contains("sales.create").doesNotContain("sales.*", "sales.void");
        String seller = fixtures.apiKey(shop.tenant, sellerId, Set.copyOf(sellerPermissions), sellerPermissions);
        String manager = fixtures.apiKey(shop.tenant, managerId, Set.of("sales.*"), List.of("sales.*"));

        assertThat(api.post(seller, "/api/v1/sales/" + saleId + "/cancel", Map.of("reason", "wrong")).status()).isEqualTo(403);
        Api.Response asked = api.post(seller, "/api/v1/sales/" + saleId + "/void-requests", Map.of("reason", "Cobro duplicado"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(api.post(seller, "/api/v1/sales/" + saleId + "/void-requests", Map.of("reason", "again")).status())
                .isEqualTo(409);
        String requestId = asked.json().get("id").asString();
        assertThat(api.post(seller, "/api/v1/sales/void-requests/" + requestId + "/approve", Map.of()).status()).isEqualTo(403);
        // Whoever may approve is told (the manager, and the admin who holds everything); the seller who asked is not.
        String told = "SELECT count(*) FROM notifications WHERE user_id = :user AND link = :link"
                + " AND message_key = 'sales.void.notice.message'";
        for (UUID user : List.of(managerId, shop.tenant.adminId(), sellerId)) {
            assertThat(shop.query(told, Map.of("user", user, "link", "/sales/" + saleId), Long.class))
                    .as("notices to %s", user).isEqualTo(user.equals(sellerId) ? 0 : 1);
        }

        JsonNode waiting = api.get(manager, "/api/v1/sales/void-requests").json();
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("reason").asString()).isEqualTo("Cobro duplicado");
        Api.Response approved = api.post(manager, "/api/v1/sales/void-requests/" + requestId + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");
        JsonNode sale = api.get(manager, "/api/v1/sales/" + saleId).json();
        assertThat(sale.get("status").asString()).isEqualTo("cancelled");
        assertThat(sale.get("cancellationReason").asString()).isEqualTo("Cobro duplicado");
        assertThat(shop.onHand(item)).isEqualByComparingTo("5");
        assertThat(api.post(manager, "/api/v1/sales/void-requests/" + requestId + "/reject", Map.of()).status())
                .isEqualTo(409);
        assertThat(api.get(manager, "/api/v1/sales/void-requests").json()).isEmpty();
    }

    @Test
    void aReceiptsNumberOpensTheSaleForAReturnAndAnUnknownOneSaysSoInSpanish() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("RET-1", "10.00", "5", "4.00");
        String saleId = shop.sell(null, Shop.lines(item, 1)).get("id").asString();
        WebSession browser = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), shop.tenant.adminEmail(),
                TestFixtures.PASSWORD);

        var found = browser.get("/pos/sale?number=f001-1");
        assertThat(found.status()).isEqualTo(302);
        assertThat(found.location()).endsWith("/sales/" + saleId + "#sale-return");
        var unknown = browser.get("/pos/sale?number=F001-99");
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(browser.get(unknown.locationPath()).body()).contains("No hay ninguna venta con el número «F001-99»");
    }

    @Test
    void theTillsPagesWordProblemsInTheUsersLanguageAndASellersVoidWaitsForAManager() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("PG-1", "10.00", "5", "4.00");
        String sold = shop.sell(null, Shop.lines(item, 1)).get("id").asString();
        Api.Response parked = api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 1), false, null));
        String parkedId = parked.json().get("id").asString();
        String sellerEmail = "seller@" + shop.tenant.slug() + ".test";
        String managerEmail = "manager@" + shop.tenant.slug() + ".test";
        fixtures.user(shop.tenant, sellerEmail, "seller");
        fixtures.user(shop.tenant, managerEmail, "manager");
        WebSession seller = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), sellerEmail, TestFixtures.PASSWORD);

        String pos = seller.get("/pos").body();
        assertThat(pos).contains("data-slug=\"insufficient-stock\">No hay existencias suficientes de {itemName} ({sku}) en {locationName}",
                "data-slug=\"payment-short\">Los pagos no cubren el total: faltan {unpaid}.", "/css/pos.css");
        assertThat(seller.get("/pos?lang=en").body()).contains("data-slug=\"insufficient-stock\">Not enough {itemName} ({sku}) at {locationName}");
        seller.get("/pos?lang=es");
        assertThat(seller.get("/sales/" + parkedId).body()).contains("id=\"sale-resume\"", "/pos?resume=" + parkedId);

        String sale = seller.get("/sales/" + sold).body();
        assertThat(sale).contains("id=\"void-request-form\"").doesNotContain("id=\"cancel-form\"");
        assertThat(seller.post("/sales/" + sold + "/cancel", Map.of("reason", "x")).status()).isEqualTo(403);
        seller.post("/sales/" + sold + "/void-request", Map.of("reason", "Cliente arrepentido"));
        assertThat(seller.get("/sales/" + sold).body()).contains("Anulación pedida por", "Cliente arrepentido")
                .doesNotContain("id=\"void-approve\"");

        WebSession manager = WebSession.signedIn(api.baseUrl(), shop.tenant.slug(), managerEmail, TestFixtures.PASSWORD);
        assertThat(manager.get("/sales").body()).contains("id=\"void-requests\"", "Cliente arrepentido");
        String requestId = shop.query("SELECT id FROM sale_void_requests", Map.of(), UUID.class).toString();
        assertThat(manager.get("/sales/" + sold).body()).contains("id=\"void-approve\"");
        manager.post("/sales/void-requests/" + requestId + "/approve?saleId=" + sold, Map.of());
        assertThat(shop.query("SELECT status FROM sales WHERE id = :id", Map.of("id", UUID.fromString(sold)), String.class))
                .isEqualTo("cancelled");
        assertThat(manager.get("/sales").body()).doesNotContain("id=\"void-requests\"");
    }

    private List<String> roleStrings(Shop shop, String role) {
        return shop.list("SELECT unnest(permissions) FROM roles WHERE name = :name", Map.of("name", role), String.class);
    }

    private static List<String> skus(JsonNode items) {
        List<String> skus = new ArrayList<>();
        items.forEach(i -> skus.add(i.get("sku").asString()));
        return skus;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
