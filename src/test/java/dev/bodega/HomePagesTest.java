package dev.bodega;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page per role (issue 11): each user sees the cards of the work their permissions cover. */
@BodegaTest
class HomePagesTest {

    private static final Pattern STEP = Pattern.compile("<li class=\"(step(?: done)?)\" data-step=\"([^\"]+)\"");

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void aNewCompanySeesItsFirstStepsUntilEachIsDone() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(steps(admin, false)).containsExactly("home.step.store", "home.step.items", "home.step.receive",
                "home.step.sale");
        assertThat(admin.get("/").body()).contains("Añada una tienda", "href=\"/catalog/import\"", "href=\"/pos\"");

        UUID store = created(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Tienda", "kind", "store")));
        UUID item = created(api.post(tenant.adminKey(), "/api/v1/items",
                Map.of("sku", "FIRST-1", "name", "Primer artículo", "salePrice", 10)));
        assertThat(steps(admin, true)).containsExactly("home.step.store", "home.step.items");
        assertThat(steps(admin, false)).containsExactly("home.step.receive", "home.step.sale");

        receive(tenant, store, item, 5);
        assertThat(steps(admin, false)).containsExactly("home.step.sale");
        sell(tenant.adminKey(), store, item, 1, true);
        assertThat(admin.get("/").body()).doesNotContain("id=\"first-steps\"").contains("id=\"home-today\"");
    }

    @Test
    void aManagerSeesTodaysSalesAndWhatNeedsAttention() {
        var tenant = fixtures.tenant();
        UUID store = created(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Tienda", "kind", "store")));
        UUID item = stock.item(tenant, "LOW-1", "pcs", new BigDecimal("10"));
        receive(tenant, store, item, 12);
        sell(tenant.adminKey(), store, item, 2, true);
        sell(tenant.adminKey(), store, item, 1, false);
        stock.asAdmin(tenant, () -> jdbc.sql("UPDATE tenants SET adjustment_approval_threshold = 0 WHERE id = :id")
                .param("id", tenant.id()).update());
        assertThat(api.post(tenant.adminKey(), "/api/v1/stock/adjustments", Map.of("locationId", store, "reason", "damaged",
                "lines", List.of(Map.of("itemId", item, "quantity", -1)))).status()).isEqualTo(202);
        fixtures.user(tenant, "jefe@" + tenant.slug() + ".test", "manager");
        WebSession manager = WebSession.signedIn(api.baseUrl(), tenant.slug(), "jefe@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD);

        WebSession.Page home = manager.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(card(home, "home-today")).contains("4,00", "1 venta");
        assertThat(card(home, "home-approvals")).contains(">1<", "Esperan su aprobación");
        assertThat(card(home, "home-parked")).contains(">1<");
        assertThat(card(home, "home-low-stock")).contains(">1<", "Item LOW-1", "LOW-1 · Tienda · 10 de 10");
        assertThat(home.body()).doesNotContain("id=\"first-steps\"", "id=\"home-my-locations\"");

        WebSession.Page english = manager.get("/?lang=en");
        assertThat(card(english, "home-today")).contains("Sales today", "1 sale");
    }

    @Test
    void aSellerSeesTheTillAndTheirOwnSalesOfToday() {
        var tenant = fixtures.tenant();
        UUID store = created(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Tienda", "kind", "store")));
        UUID item = stock.item(tenant, "SELL-1", "pcs", BigDecimal.ZERO);
        receive(tenant, store, item, 10);
        UUID seller = fixtures.user(tenant, "caja@" + tenant.slug() + ".test", "seller");
        assertThat(api.put(tenant.adminKey(), "/api/v1/locations/" + store + "/users",
                Map.of("userIds", List.of(seller)), Map.of()).status()).isEqualTo(200);
        String sellerKey = fixtures.apiKey(tenant, seller, Set.of("sales.*"), List.of("sales.*"));
        sell(sellerKey, store, item, 3, true);
        sell(tenant.adminKey(), store, item, 1, true);

        WebSession.Page home = WebSession.signedIn(api.baseUrl(), tenant.slug(), "caja@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD).get("/");
        assertThat(card(home, "home-till")).contains("href=\"/pos\"", "Abrir la caja");
        assertThat(card(home, "home-mine")).contains("6,00", "1 venta");
        assertThat(card(home, "home-my-locations")).contains("Tienda");
        assertThat(home.body()).doesNotContain("id=\"home-approvals\"", "id=\"first-steps\"");
    }

    @Test
    void aTechnicianSeesHisLocationsAndWhatRunsLowThere() {
        var tenant = fixtures.tenant();
        UUID workshop = created(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Taller", "kind", "workshop")));
        UUID elsewhere = created(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Bodega", "kind", "warehouse")));
        UUID item = stock.item(tenant, "TECH-1", "pcs", new BigDecimal("5"));
        receive(tenant, workshop, item, 2);
        receive(tenant, elsewhere, item, 1);
        UUID technician = fixtures.user(tenant, "tecnico@" + tenant.slug() + ".test", "technician");
        assertThat(api.put(tenant.adminKey(), "/api/v1/locations/" + workshop + "/users",
                Map.of("userIds", List.of(technician)), Map.of()).status()).isEqualTo(200);
        // His open work: a part lent to him, a count of his workshop under way.
        assertThat(api.post(tenant.adminKey(), "/api/v1/service/technician-movements", Map.of("locationId", workshop,
                "itemId", item, "technicianId", technician, "concept", "prestamo", "quantity", 1)).status()).isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/stock/counts", Map.of("locationId", workshop, "scope", "full"))
                .status()).isEqualTo(201);

        WebSession.Page home = WebSession.signedIn(api.baseUrl(), tenant.slug(), "tecnico@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD).get("/");
        assertThat(card(home, "home-my-locations")).contains("Taller", "1 con stock bajo", "href=\"/inventory/issue\"")
                .doesNotContain("Bodega");
        assertThat(card(home, "home-low-stock")).contains(">1<", "TECH-1 · Taller · 1 de 5").doesNotContain("Bodega");
        assertThat(card(home, "home-my-parts")).contains("Sus repuestos fuera", ">1<", "href=\"/service/my-parts\"");
        assertThat(card(home, "home-counts")).contains("Conteos abiertos", ">1<");
        assertThat(card(home, "home-requests-to-receive")).contains(">0<", "Nada pendiente");
        assertThat(home.body()).doesNotContain("id=\"home-till\"", "id=\"home-today\"", "id=\"home-approvals\"",
                "id=\"first-steps\"");
    }

    /** The checklist's steps still to do ({@code done} false) or done. */
    private static List<String> steps(WebSession session, boolean done) {
        return STEP.matcher(session.get("/").body()).results()
                .filter(m -> m.group(1).equals("step done") == done).map(m -> m.group(2)).toList();
    }

    /** The card's element: an {@code <a>} or a {@code <section>}, up to its end tag. */
    private static String card(WebSession.Page page, String id) {
        String body = page.body();
        int at = body.indexOf("id=\"" + id + "\"");
        assertThat(at).as("card " + id).isPositive();
        int start = body.lastIndexOf('<', at);
        String tag = body.substring(start + 1, body.indexOf(' ', start));
        return body.substring(start, body.indexOf("</" + tag + ">", at));
    }

    private void receive(TestFixtures.Tenant tenant, UUID location, UUID item, int quantity) {
        assertThat(api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity, "unitCost", 1)))).status()).isEqualTo(201);
    }

    private void sell(String key, UUID store, UUID item, int quantity, boolean complete) {
        Map<String, Object> sale = complete
                ? Map.of("locationId", store, "lines", List.of(Map.of("itemId", item, "quantity", quantity)),
                "complete", true, "payments", List.of(Map.of("method", "cash", "amount", "1000")))
                : Map.of("locationId", store, "lines", List.of(Map.of("itemId", item, "quantity", quantity)),
                "complete", false);
        Api.Response response = api.post(key, "/api/v1/sales", sale);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static UUID created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }
}
