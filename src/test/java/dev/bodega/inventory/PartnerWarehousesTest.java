package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner organization's own warehouse (seed 004 warehouses.organization_id), its stock on the same ledger. */
@BodegaTest
class PartnerWarehousesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;

    private String organization(TestFixtures.Tenant tenant, String name) {
        var created = api.post(tenant.adminKey(), "/api/v1/organizations", Map.of("name", name, "type", "customer"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, Object> warehouse(String name, String organizationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "warehouse");
        body.put("organizationId", organizationId);
        return body;
    }

    @Test
    void aPartnersWarehouseHoldsStockOnTheLedgerAndListsUnderItsOrganization() {
        var tenant = fixtures.tenant();
        String farm = organization(tenant, "Granja Marina");
        var created = api.post(tenant.adminKey(), "/api/v1/locations", warehouse("Bodega Granja", farm));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.json().get("id").asString();
        assertThat(created.json().get("organizationId").asString()).isEqualTo(farm);
        assertThat(created.json().get("organizationName").asString()).isEqualTo("Granja Marina");
        api.post(tenant.adminKey(), "/api/v1/locations", warehouse("Central", null));

        assertThat(api.get(tenant.adminKey(), "/api/v1/locations?organizationId=" + farm).json().get("items"))
                .extracting(n -> n.get("id").asString()).containsExactly(location);

        UUID item = stock.item(tenant, "NET-1", "pcs", BigDecimal.ONE);
        var receipt = api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", 4))));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        var levels = api.get(tenant.adminKey(), "/api/v1/stock/levels?locationId=" + location).json().get("items");
        assertThat(levels).hasSize(1);
        assertThat(levels.get(0).get("onHand").decimalValue()).isEqualByComparingTo("4");
        var check = api.get(tenant.adminKey(), "/api/v1/admin/ledger-check");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).doesNotContain(location);

        var moved = api.put(tenant.adminKey(), "/api/v1/locations/" + location, warehouse("Bodega Granja", null),
                Map.of("If-Match", "\"0\""));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().has("organizationId")).as("null is left out").isFalse();
    }

    @Test
    void anUnknownOrAnotherCompanysOrganizationIsRefused() {
        var tenant = fixtures.tenant();
        var other = fixtures.tenant();
        String theirs = organization(other, "Ajena");
        for (String id : List.of(theirs, UUID.randomUUID().toString())) {
            var refused = api.post(tenant.adminKey(), "/api/v1/locations", warehouse("Bodega", id));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).endsWith("/unknown-organization");
        }
    }

    @Test
    void theLocationFormOffersThePartnerOrganizations() {
        var tenant = fixtures.tenant();
        String farm = organization(tenant, "Granja Marina");
        WebSession session = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(session.get("/inventory/locations").body()).contains("id=\"location-organization\"", "Granja Marina");
        var created = session.post("/inventory/locations", Map.of("name", "Bodega Granja", "kind", "warehouse",
                "organizationId", farm, "active", "true"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(session.get("/inventory/locations").body()).contains("class=\"location-organization\">Granja Marina<");
    }
}
