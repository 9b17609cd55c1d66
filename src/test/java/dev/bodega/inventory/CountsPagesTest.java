package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The count pages: inline messages in the user's language, nothing changed on a refusal, 404 for another company. */
@BodegaTest
class CountsPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;

    @Test
    void refusalsAreInlineMessagesAndAnotherCompanysCountIsNotFound() {
        var tenant = fixtures.tenant();
        UUID store = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "PAGE-1", "pcs", BigDecimal.ZERO);
        api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", store,
                "lines", List.of(Map.of("itemId", item, "quantity", 4))));
        var browser = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        assertThat(browser.get("/inventory/counts/new").status()).isEqualTo(200);
        var missing = browser.post("/inventory/counts", Map.of("locationId", "", "scope", "bins", "tolerance", "-1"));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("Elige la ubicación.", "Escribe un número de cero o más.");

        var opened = browser.post("/inventory/counts", Map.of("locationId", store.toString(), "scope", "full",
                "tolerance", "0,5"));
        assertThat(opened.status()).isEqualTo(302);
        String scan = opened.locationPath();
        assertThat(scan).endsWith("/scan");
        String count = scan.substring("/inventory/counts/".length(), scan.length() - "/scan".length());

        browser.get(scan);
        browser.post("/inventory/counts/" + count + "/entries", Map.of("code", "NOPE-9", "quantity", "1"));
        assertThat(browser.get(scan).body()).contains("No hay ningún ítem con ese código.");
        browser.post("/inventory/counts/" + count + "/entries", Map.of("code", "page-1", "quantity", "3"));
        assertThat(browser.get(scan).body()).contains("Contado: PAGE-1");
        browser.post("/inventory/counts/" + count + "/close", Map.of());
        var detail = browser.get("/inventory/counts/" + count);
        assertThat(detail.body()).contains("El conteo no está en un estado que permita esa acción.");
        assertThat(detail.find("id=\"count-status\"[^>]*>([^<]+)<")).isEqualTo("En conteo");
        assertThat(browser.get("/inventory/counts/" + count + "?lang=en").body()).contains("Counting</span>");
        assertThat(browser.get("/inventory/counts").body()).contains("count-row");

        var other = fixtures.tenant();
        var stranger = WebSession.signedIn(api.baseUrl(), other.slug(), other.adminEmail(), TestFixtures.PASSWORD);
        assertThat(stranger.get("/inventory/counts/" + count).status()).isEqualTo(404);
        assertThat(stranger.get("/inventory/counts/" + count + "/scan").status()).isEqualTo(404);
        stranger.get("/inventory/counts");
        for (String action : List.of("/entries", "/submit", "/recount", "/close", "/cancel")) {
            var refused = stranger.post("/inventory/counts/" + count + action, Map.of("code", "PAGE-1", "quantity", "1",
                    "over", "true"));
            assertThat(refused.status()).as(action).isEqualTo(404);
        }
        assertThat(stock.onHand(tenant, store, item)).isEqualByComparingTo("4");
    }

    @Test
    void theDemoCompanyHasACountInProgressAtTheWorkshop() {
        var technician = WebSession.signedIn(api.baseUrl(), "demo", "tecnico@demo.bodega", "bodega-demo");
        assertThat(technician.get("/inventory/counts?status=counting").body()).contains("Taller Norte", "En conteo");

        var manager = WebSession.signedIn(api.baseUrl(), "demo", "gerente@demo.bodega", "bodega-demo");
        var counting = manager.api("GET", "/api/v1/stock/counts?status=counting", null).json().get("items");
        assertThat(counting).hasSize(1);
        assertThat(counting.get(0).get("locationName").asString()).isEqualTo("Taller Norte");
        assertThat(counting.get(0).get("totalItems").asInt()).isEqualTo(4);
        assertThat(counting.get(0).get("totalDifferences").asInt()).isEqualTo(1);
        assertThat(counting.get(0).get("itemsWithLoose").asInt()).isEqualTo(1);
    }
}
