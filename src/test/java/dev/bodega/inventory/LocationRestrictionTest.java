package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seller (no inventory.all_locations) assigned to location A alone: gets nothing of location B,
 * through the API and through raw SQL as the application role, and cannot move stock there.
 */
@BodegaTest
class LocationRestrictionTest {

    private static final List<String> STOCKER = List.of("inventory.read", "inventory.receive", "inventory.issue",
            "inventory.transfer");

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;

    TestFixtures.Tenant tenant;
    UUID a;
    UUID b;
    UUID item;
    UUID seller;
    String sellerKey;
    String postingAtB;

    @BeforeEach
    void sellerWorksAtAOnly() {
        tenant = fixtures.tenant();
        a = stock.location(tenant, "A");
        b = stock.location(tenant, "B");
        item = stock.item(tenant, "RESTRICT-1", "pcs", new BigDecimal("50"));
        receive(tenant.adminKey(), a, 20);
        postingAtB = receive(tenant.adminKey(), b, 30).get("postingId").asString();

        seller = fixtures.user(tenant, "seller@" + tenant.slug() + ".test", "seller");
        // The seller also stocks shelves: a role that may move stock, still without inventory.all_locations.
        String stocker = api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "stocker",
                "description", "Shelves", "permissions", STOCKER)).json().get("id").asString();
        var user = api.get(tenant.adminKey(), "/api/v1/users/" + seller);
        var roles = api.put(tenant.adminKey(), "/api/v1/users/" + seller + "/roles",
                Map.of("roleIds", List.of(tenant.roles().get("seller"), stocker)), Map.of("If-Match", user.header("etag")));
        assertThat(roles.status()).as(roles.body()).isEqualTo(200);
        var assigned = api.put(tenant.adminKey(), "/api/v1/locations/" + a + "/users", Map.of("userIds", List.of(seller)), Map.of());
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        sellerKey = fixtures.apiKey(tenant, seller, new HashSet<>(STOCKER), STOCKER);
    }

    @Test
    void theApiShowsTheSellerOnlyLocationA() {
        JsonNode levels = api.get(sellerKey, "/api/v1/stock/levels").json().get("items");
        assertThat(levels).hasSize(1);
        assertThat(levels.get(0).get("locationId").asString()).isEqualTo(a.toString());
        assertThat(api.get(sellerKey, "/api/v1/stock/levels?locationId=" + b).json().get("items")).isEmpty();

        JsonNode kardex = api.get(sellerKey, "/api/v1/items/" + item + "/kardex").json().get("items");
        assertThat(kardex).hasSize(1);
        assertThat(kardex.get(0).get("locationId").asString()).isEqualTo(a.toString());
        assertThat(kardex.get(0).get("overallBalance").decimalValue()).isEqualByComparingTo("20");

        assertThat(api.get(sellerKey, "/api/v1/stock/postings/" + postingAtB).status()).isEqualTo(404);
        JsonNode valuation = api.get(sellerKey, "/api/v1/reports/stock-valuation").json();
        assertThat(valuation.get("locations")).hasSize(1);
        assertThat(valuation.get("locations").get(0).get("locationId").asString()).isEqualTo(a.toString());
        JsonNode low = api.get(sellerKey, "/api/v1/reports/low-stock").json().get("items");
        assertThat(low).hasSize(1);
        assertThat(low.get(0).get("locationId").asString()).isEqualTo(a.toString());
        String csv = api.send(sellerKey, "GET", "/api/v1/stock/movements/export", null, Map.of("Accept", "text/csv")).body();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).doesNotContain(",B,");

        assertThat(api.get(tenant.adminKey(), "/api/v1/stock/levels").json().get("items")).as("the admin sees both").hasSize(2);
    }

    @Test
    void theSellerCannotMoveStockAtLocationB() {
        assertForbidden(api.post(sellerKey, "/api/v1/stock/issues", Map.of("locationId", b,
                "lines", List.of(Map.of("itemId", item, "quantity", 1)))));
        assertForbidden(api.post(sellerKey, "/api/v1/stock/receipts", Map.of("locationId", b,
                "lines", List.of(Map.of("itemId", item, "quantity", 1)))));
        assertForbidden(api.post(sellerKey, "/api/v1/stock/transfers", Map.of("fromLocationId", a, "toLocationId", b,
                "lines", List.of(Map.of("itemId", item, "quantity", 1)))));
        assertThat(stock.onHand(tenant, a, item)).isEqualByComparingTo("20");
        assertThat(stock.onHand(tenant, b, item)).isEqualByComparingTo("30");

        var atA = api.post(sellerKey, "/api/v1/stock/issues", Map.of("locationId", a,
                "lines", List.of(Map.of("itemId", item, "quantity", 1))));
        assertThat(atA.status()).as(atA.body()).isEqualTo(201);
        assertThat(stock.onHand(tenant, a, item)).isEqualByComparingTo("19");
    }

    @Test
    void rawSqlAsTheApplicationRoleShowsTheSellerOnlyLocationA() throws SQLException {
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false), "
                    + "set_config('app.user_id', '" + seller + "', false)");
            assertThat(locations(statement, "SELECT * FROM stock_levels")).containsExactly(a);
            assertThat(locations(statement, "SELECT * FROM stock_ledger")).containsExactly(a);
            assertThat(locations(statement, "SELECT * FROM stock_ledger_mismatches")).isEmpty();

            statement.execute("SELECT set_config('app.user_id', '" + tenant.adminId() + "', false)");
            assertThat(locations(statement, "SELECT * FROM stock_levels")).containsExactlyInAnyOrder(a, b);
            assertThat(locations(statement, "SELECT * FROM stock_ledger")).containsExactlyInAnyOrder(a, b);
        }
    }

    private static Set<UUID> locations(Statement statement, String sql) throws SQLException {
        Set<UUID> found = new HashSet<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getObject("location_id", UUID.class));
            }
        }
        return found;
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).endsWith("/location-not-allowed");
    }

    private JsonNode receive(String key, UUID location, int quantity) {
        var response = api.post(key, "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity, "unitCost", 1))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
