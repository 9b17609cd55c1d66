package dev.bodega;

import dev.bodega.platform.Notifications;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: numbers and dates in the user's language on every page, codes through the bundles, and the smaller
 * defects of the inventory and customer screens (a technician's location filter, the kárdex over a transfer,
 * the document type, search without accents).
 */
@BodegaTest
class ShownAsPeopleReadTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired Notifications notifications;

    @Test
    void catalogAndInventoryShowNumbersAsEachLanguageWritesThem() {
        var tenant = fixtures.tenant();
        UUID store = stock.location(tenant, "Centro");
        String item = api.post(tenant.adminKey(), "/api/v1/items", Map.of("sku", "FMT-1", "name", "Bujía iridio",
                "salePrice", 1527.68, "costPrice", 1000)).json().get("id").asString();
        receive(tenant, store, UUID.fromString(item), 1500);
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        assertThat(admin.get("/catalog/items/" + item).find("id=\"item-price\">([^<]*)<")).isEqualTo("1.527,68");
        String spanish = admin.get("/inventory").body();
        assertThat(spanish).contains("<span class=\"on-hand\">1.500</span>", "1.500.000,00");
        assertThat(admin.get("/catalog/items/" + item + "?lang=en").find("id=\"item-price\">([^<]*)<"))
                .isEqualTo("1,527.68");
        assertThat(admin.get("/inventory").body()).contains("<span class=\"on-hand\">1,500</span>", "1,500,000.00");
    }

    @Test
    void inventorySearchFindsWhatTheCatalogFindsWithoutAccents() {
        var tenant = fixtures.tenant();
        UUID store = stock.location(tenant, "Centro");
        String spark = api.post(tenant.adminKey(), "/api/v1/items", Map.of("sku", "BJ-7", "name", "Bujía NGK",
                "salePrice", 9)).json().get("id").asString();
        String other = api.post(tenant.adminKey(), "/api/v1/items", Map.of("sku", "FL-1", "name", "Filtro de aceite",
                "salePrice", 9)).json().get("id").asString();
        receive(tenant, store, UUID.fromString(spark), 3);
        receive(tenant, store, UUID.fromString(other), 3);
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        assertThat(admin.get("/inventory?q=bujia").body()).contains("BJ-7").doesNotContain("FL-1");
        assertThat(api.get(tenant.adminKey(), "/api/v1/stock/levels?q=bujia").json().get("items")).hasSize(1);
        assertThat(admin.get("/inventory?q=BJ").body()).contains("BJ-7");
    }

    @Test
    void settingsRolesAndNoticesSpeakTheReadersLanguage() {
        var tenant = fixtures.tenant();
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> {
            notifications.send(new Notifications.Notice(tenant.adminId(), "Existencias bajas: BJ-7 Bujía", "",
                    "alert", "high", null, "stockops.alert.lowStock.title", "stockops.alert.lowStock.message",
                    List.of("BJ-7", "Bujía", "2", "Centro", "5")));
            return null;
        });
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        assertThat(admin.get("/settings").find("id=\"settings-plan-name\">([^<]*)<")).isEqualTo("Inicial");
        assertThat(admin.get("/settings").find("id=\"settings-max-customer-organizations\">([^<]*)<")).isEqualTo("100");
        assertThat(admin.get("/roles").body()).contains(">Vendedor</a>", "title=\"sales.*\">Ventas: todo<",
                "title=\"catalog.read\">Catálogo: ver<");
        assertThat(admin.get("/notifications").body()).contains("Existencias bajas: BJ-7 Bujía", "Quedan 2 en Centro");
        assertThat(admin.get("/settings?lang=en").find("id=\"settings-plan-name\">([^<]*)<")).isEqualTo("Starter");
        assertThat(admin.get("/roles").body()).contains(">Seller</a>", "title=\"sales.*\">Sales: everything<");
        assertThat(admin.get("/notifications").body()).contains("Low stock", "2 left at Centro")
                .doesNotContain("Existencias bajas");
    }

    @Test
    void aTechniciansLocationFilterListsOnlyWhereHeMayLook() {
        var tenant = fixtures.tenant();
        UUID workshop = stock.location(tenant, "Taller norte");
        stock.location(tenant, "Bodega sur");
        UUID technician = fixtures.user(tenant, "tec@" + tenant.slug() + ".test", "technician");
        assertThat(api.put(tenant.adminKey(), "/api/v1/locations/" + workshop + "/users",
                Map.of("userIds", List.of(technician)), Map.of()).status()).isEqualTo(200);
        WebSession session = WebSession.signedIn(api.baseUrl(), tenant.slug(), "tec@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD);

        assertThat(session.get("/inventory").body()).contains(">Taller norte</option>").doesNotContain("Bodega sur");
        assertThat(WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD)
                .get("/inventory").body()).contains(">Taller norte</option>", ">Bodega sur</option>");
    }

    @Test
    void theKardexTotalDoesNotDipBetweenTheLegsOfATransfer() {
        var tenant = fixtures.tenant();
        UUID a = stock.location(tenant, "A");
        UUID b = stock.location(tenant, "B");
        UUID item = stock.item(tenant, "KX-1", "pcs", BigDecimal.ZERO);
        receive(tenant, a, item, 10);
        var moved = api.post(tenant.adminKey(), "/api/v1/stock/transfers", Map.of("fromLocationId", a,
                "toLocationId", b, "lines", List.of(Map.of("itemId", item, "quantity", 4))));
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);

        JsonNode rows = api.get(tenant.adminKey(), "/api/v1/items/" + item + "/kardex").json().get("items");
        assertThat(rows).hasSize(3);
        for (JsonNode row : rows) {
            assertThat(row.get("overallBalance").decimalValue()).as(row.toString()).isEqualByComparingTo("10");
        }
    }

    @Test
    void theDocumentTypeIsAChoiceInTheUsersWordsAndAnOtherStoredTypeStays() {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/customers", Map.of("documentType", "NIE",
                "documentNumber", "X123", "firstName", "Pía"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        String form = admin.get("/customers").body();
        assertThat(form).contains("<select id=\"customer-document-type\"", ">Cédula de ciudadanía (CC)</option>",
                ">Pasaporte</option>");
        String edit = admin.get("/customers/" + created.json().get("id").asString()).body();
        assertThat(edit).containsPattern("<option value=\"NIE\" selected=\"selected\">NIE</option>");
        assertThat(admin.get("/customers?lang=en").body()).contains(">Citizen ID card (CC)</option>");
    }

    @Test
    void aTransferRequestShowsItsQuantitiesAndTimesAsEachLanguageWritesThem() {
        var tenant = fixtures.tenant();
        UUID central = stock.location(tenant, "Central");
        UUID workshop = stock.location(tenant, "Taller");
        UUID item = stock.item(tenant, "REQ-1", "pcs", BigDecimal.ZERO);
        receive(tenant, central, item, 2000);
        var created = api.send(tenant.adminKey(), "POST", "/api/v1/transfer-requests", Map.of("originId", central,
                "destinationId", workshop, "lines", List.of(Map.of("itemId", item, "quantity", 1500))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String page = "/inventory/requests/" + created.json().get("id").asString();
        ZonedDateTime at = Instant.parse(created.json().get("createdAt").asString())
                .atZone(ZoneId.of("America/Bogota"));
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        assertThat(admin.get(page).find("class=\"requested\">([^<]*)<")).isEqualTo("1.500");
        assertThat(admin.get("/inventory/requests").body())
                .contains(">" + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(at) + "<");
        assertThat(admin.get(page + "?lang=en").find("class=\"requested\">([^<]*)<")).isEqualTo("1,500");
        assertThat(admin.get("/inventory/requests").body().replace('\u202f', ' '))
                .contains(">" + DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a", Locale.ENGLISH).format(at) + "<");
    }

    private void receive(TestFixtures.Tenant tenant, UUID location, UUID item, int quantity) {
        var response = api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity, "unitCost", 1000))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
