package dev.bodega.inventory;

import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Locations: CRUD with versions, unique names, the plan's limit, deactivation, user assignments. */
@BodegaTest
class LocationsApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired Api api;
    @Autowired EmbeddedDatabase database;

    @Test
    void createGetAndListALocation() {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Bodega Central", "kind", "warehouse",
                "address", "Calle 10 # 20-30", "phone", "+57 300 1234567"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("etag")).isEqualTo("\"0\"");
        String id = created.json().get("id").asString();
        assertThat(created.header("location")).endsWith("/api/v1/locations/" + id);
        assertThat(created.json().get("active").asBoolean()).isTrue();

        var fetched = api.get(tenant.adminKey(), "/api/v1/locations/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("etag")).isEqualTo("\"0\"");
        assertThat(fetched.json().get("name").asString()).isEqualTo("Bodega Central");
        assertThat(fetched.json().get("kind").asString()).isEqualTo("warehouse");
        assertThat(fetched.json().get("address").asString()).isEqualTo("Calle 10 # 20-30");
        assertThat(fetched.json().get("phone").asString()).isEqualTo("+57 300 1234567");

        api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Taller Norte", "kind", "workshop"));
        var workshops = api.get(tenant.adminKey(), "/api/v1/locations?kind=workshop").json().get("items");
        assertThat(workshops).hasSize(1);
        assertThat(workshops.get(0).get("name").asString()).isEqualTo("Taller Norte");
        assertThat(api.get(tenant.adminKey(), "/api/v1/locations?q=central").json().get("items")).hasSize(1);
        assertThat(api.get(tenant.adminKey(), "/api/v1/locations/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theListPagesByCursor() {
        var tenant = fixtures.tenant();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "L" + i, "kind", "store")).status())
                    .isEqualTo(201);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(tenant.adminKey(), "/api/v1/locations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(l -> names.add(l.get("name").asString()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(names).containsExactly("L4", "L3", "L2", "L1", "L0");
    }

    @Test
    void namesAreUniquePerTenantIgnoringCase() {
        var tenant = fixtures.tenant();
        var other = fixtures.tenant();
        assertThat(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Principal", "kind", "store")).status())
                .isEqualTo(201);
        var taken = api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "PRINCIPAL", "kind", "store"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asString()).endsWith("/location-name-taken");
        assertThat(api.post(other.adminKey(), "/api/v1/locations", Map.of("name", "Principal", "kind", "store")).status())
                .as("another tenant may use the same name").isEqualTo(201);
    }

    @Test
    void invalidFieldsAreA400WithTheFields() {
        var tenant = fixtures.tenant();
        var response = api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", " ", "kind", "garage", "phone", "abc"));
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("name", "kind", "phone");
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        var tenant = fixtures.tenant();
        String id = api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Sur", "kind", "store"))
                .json().get("id").asString();
        api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Norte", "kind", "store"));
        Map<String, Object> body = Map.of("name", "Sur 2", "kind", "warehouse", "address", "Av. 1");

        assertThat(api.put(tenant.adminKey(), "/api/v1/locations/" + id, body, Map.of()).status()).isEqualTo(428);
        assertThat(api.put(tenant.adminKey(), "/api/v1/locations/" + id, body, Map.of("If-Match", "\"7\"")).status())
                .isEqualTo(409);
        var updated = api.put(tenant.adminKey(), "/api/v1/locations/" + id, body, Map.of("If-Match", "\"0\""));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("etag")).isEqualTo("\"1\"");
        assertThat(updated.json().get("name").asString()).isEqualTo("Sur 2");
        assertThat(updated.json().get("kind").asString()).isEqualTo("warehouse");
        assertThat(api.put(tenant.adminKey(), "/api/v1/locations/" + id, body, Map.of("If-Match", "\"0\"")).json()
                .get("type").asString()).endsWith("/stale-version");

        var clash = api.put(tenant.adminKey(), "/api/v1/locations/" + id, Map.of("name", "norte", "kind", "store"),
                Map.of("If-Match", "\"1\""));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("type").asString()).endsWith("/location-name-taken");
    }

    @Test
    void deactivationIsRefusedWhileTheLocationHoldsStock() {
        var tenant = fixtures.tenant();
        UUID shop = UUID.fromString(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Tienda", "kind", "store"))
                .json().get("id").asString());
        UUID item = stock.item(tenant, "DEACT-1", "pcs", BigDecimal.ZERO);
        post(tenant, new StockPostings.Line(shop, item, MovementType.RECEIPT, new BigDecimal("3"), BigDecimal.ONE));

        var refused = api.delete(tenant.adminKey(), "/api/v1/locations/" + shop);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/location-has-stock");

        post(tenant, new StockPostings.Line(shop, item, MovementType.ISSUE, new BigDecimal("-3"), null));
        assertThat(api.delete(tenant.adminKey(), "/api/v1/locations/" + shop).status()).isEqualTo(204);
        var fetched = api.get(tenant.adminKey(), "/api/v1/locations/" + shop);
        assertThat(fetched.json().get("active").asBoolean()).isFalse();
        assertThat(fetched.header("etag")).isEqualTo("\"1\"");
        assertThat(api.get(tenant.adminKey(), "/api/v1/locations?active=false").json().get("items")).hasSize(1);

        var inactive = api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", shop,
                "lines", List.of(Map.of("itemId", item, "quantity", 1))));
        assertThat(inactive.json().get("type").asString()).endsWith("/inactive-location");
    }

    @Test
    void thePlansLocationLimitHoldsOnCreateAndOnReactivation() {
        var tenant = fixtures.tenant();
        JdbcClient.create(database.superuserDataSource())
                .sql("UPDATE tenants SET max_locations = 2 WHERE id = :id").param("id", tenant.id()).update();
        String first = api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Uno", "kind", "store"))
                .json().get("id").asString();
        assertThat(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Dos", "kind", "store")).status())
                .isEqualTo(201);

        var third = api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Tres", "kind", "store"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("type").asString()).endsWith("/max-locations");

        assertThat(api.delete(tenant.adminKey(), "/api/v1/locations/" + first).status()).isEqualTo(204);
        assertThat(api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Tres", "kind", "store")).status())
                .isEqualTo(201);
        var reactivate = api.put(tenant.adminKey(), "/api/v1/locations/" + first,
                Map.of("name", "Uno", "kind", "store", "active", true), Map.of("If-Match", "\"1\""));
        assertThat(reactivate.status()).isEqualTo(409);
        assertThat(reactivate.json().get("type").asString()).endsWith("/max-locations");
    }

    @Test
    void usersAreAssignedToLocations() {
        var tenant = fixtures.tenant();
        UUID ana = fixtures.user(tenant, "ana@" + tenant.slug() + ".test", "seller");
        UUID beto = fixtures.user(tenant, "beto@" + tenant.slug() + ".test", "technician");
        String shop = api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Tienda", "kind", "store"))
                .json().get("id").asString();
        String workshop = api.post(tenant.adminKey(), "/api/v1/locations", Map.of("name", "Taller", "kind", "workshop"))
                .json().get("id").asString();

        var set = api.put(tenant.adminKey(), "/api/v1/locations/" + shop + "/users",
                Map.of("userIds", List.of(ana, beto)), Map.of());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(ids(set.json())).containsExactlyInAnyOrder(ana.toString(), beto.toString());
        api.put(tenant.adminKey(), "/api/v1/locations/" + workshop + "/users", Map.of("userIds", List.of(beto)), Map.of());

        assertThat(ids(api.get(tenant.adminKey(), "/api/v1/locations/" + shop + "/users").json()))
                .containsExactlyInAnyOrder(ana.toString(), beto.toString());
        assertThat(ids(api.get(tenant.adminKey(), "/api/v1/users/" + beto + "/locations").json()))
                .containsExactlyInAnyOrder(shop, workshop);

        api.put(tenant.adminKey(), "/api/v1/locations/" + shop + "/users", Map.of("userIds", List.of(ana)), Map.of());
        assertThat(ids(api.get(tenant.adminKey(), "/api/v1/users/" + beto + "/locations").json())).containsExactly(workshop);
        assertThat(ids(api.get(tenant.adminKey(), "/api/v1/users/" + ana + "/locations").json())).containsExactly(shop);

        var unknown = api.put(tenant.adminKey(), "/api/v1/locations/" + shop + "/users",
                Map.of("userIds", List.of(UUID.randomUUID())), Map.of());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("type").asString()).endsWith("/unknown-user");
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + UUID.randomUUID() + "/locations").status()).isEqualTo(404);
    }

    @Test
    void readersMayNotChangeLocations() {
        var tenant = fixtures.tenant();
        UUID viewer = fixtures.user(tenant, "viewer@" + tenant.slug() + ".test", "viewer");
        String key = fixtures.apiKey(tenant, viewer, Set.of("*.read"), List.of("*.read"));
        assertThat(api.get(key, "/api/v1/locations").status()).isEqualTo(200);
        assertThat(api.post(key, "/api/v1/locations", Map.of("name", "X", "kind", "store")).status()).isEqualTo(403);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    private void post(TestFixtures.Tenant tenant, StockPostings.Line line) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(
                new StockPostings.Posting("test", "test", null, null, null, List.of(line))));
    }
}
