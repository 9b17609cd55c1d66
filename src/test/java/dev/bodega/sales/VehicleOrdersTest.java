package dev.bodega.sales;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.platform.CompanyBackups;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vehicle models and orders (seed 003 scooter_types, order_follow): items compatible with a model are found by
 * model; an order moves one level at a time; the customer's tracking link shows that order and nothing else.
 */
@BodegaTest
class VehicleOrdersTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired CatalogItems catalogItems;
    @Autowired CompanyBackups backups;

    private String model(TestFixtures.Tenant tenant, String name) {
        var created = api.post(tenant.adminKey(), "/api/v1/vehicle-models",
                Map.of("name", name, "power", "500 W", "description", "Urban scooter"));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode order(TestFixtures.Tenant tenant, String number, String modelId) {
        var created = api.post(tenant.adminKey(), "/api/v1/vehicle-orders", Map.of("number", number, "modelId", modelId,
                "contactPhone", "+57 300 555 0101", "contactEmail", "cliente@example.com",
                "externalLink", "https://factory.example.com/orders/77", "orderDate", "2026-03-01",
                "estimatedDelivery", "2026-04-15"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private Api.Response move(TestFixtures.Tenant tenant, String orderId, int level) {
        return api.post(tenant.adminKey(), "/api/v1/vehicle-orders/" + orderId + "/level", Map.of("level", level));
    }

    @Test
    void anOrderMovesOneLevelAtATimeAndIllegalMovesAreRefusedWithoutChange() {
        var tenant = fixtures.tenant();
        String orderId = order(tenant, "VO-1", model(tenant, "S1")).get("id").asString();

        for (int illegal : List.of(1, 3, 0, 4)) {
            var refused = move(tenant, orderId, illegal);
            assertThat(refused.status()).as("level 1 → " + illegal).isEqualTo(409);
            assertThat(refused.json().get("type").asString()).endsWith("/vehicle-order-transition");
        }
        assertThat(api.get(tenant.adminKey(), "/api/v1/vehicle-orders/" + orderId).json().get("level").asInt()).isEqualTo(1);

        assertThat(move(tenant, orderId, 2).json().get("level").asInt()).isEqualTo(2);
        assertThat(move(tenant, orderId, 1).status()).as("back to ordered").isEqualTo(409);
        assertThat(move(tenant, orderId, 2).status()).as("in transit twice").isEqualTo(409);
        var delivered = move(tenant, orderId, 3).json();
        assertThat(delivered.get("level").asInt()).isEqualTo(3);
        assertThat(delivered.has("deliveredAt")).isTrue();
        assertThat(api.post(tenant.adminKey(), "/api/v1/vehicle-orders/" + orderId + "/cancel", null).status())
                .as("a delivered order cannot be cancelled").isEqualTo(409);

        String other = order(tenant, "VO-2", model(tenant, "S2")).get("id").asString();
        assertThat(api.post(tenant.adminKey(), "/api/v1/vehicle-orders/" + other + "/cancel", null).json()
                .get("status").asString()).isEqualTo("cancelled");
        assertThat(move(tenant, other, 2).status()).as("a cancelled order does not move").isEqualTo(409);
        assertThat(api.get(tenant.adminKey(), "/api/v1/vehicle-orders?level=3").json().get("items"))
                .extracting(n -> n.get("number").asString()).containsExactly("VO-1");
    }

    @Test
    void theTrackingLinkShowsTheOrderAndNothingElseAndAnUnknownTokenIsNotFound() {
        var tenant = fixtures.tenant();
        JsonNode order = order(tenant, "VO-TRACK-9", model(tenant, "Falcon 800"));
        String path = order.get("trackingPath").asString();
        assertThat(path).startsWith("/track/").doesNotContain(order.get("id").asString());
        move(tenant, order.get("id").asString(), 2);

        var customer = new WebSession(api.baseUrl());
        var page = customer.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("VO-TRACK-9", "Falcon 800", "15/04/2026", "Company " + tenant.slug())
                .doesNotContain("cliente@example.com", "300 555", "factory.example.com", "nav-", "/logout",
                        order.get("id").asString());
        assertThat(page.find("<li class=\"done\"[^>]*>([^<]+)</li>")).isNotNull();
        assertThat(customer.get("/sales/vehicle-orders").status()).as("the link opens nothing else").isEqualTo(302);

        String token = path.substring("/track/".length());
        String unknown = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertThat(customer.get("/track/" + unknown).status()).isEqualTo(404);
        assertThat(customer.get("/track/" + order.get("id").asString()).status()).isEqualTo(404);
        assertThat(customer.get("/track/x").status()).isEqualTo(404);
    }

    @Test
    void theCatalogIsSearchedByModel() {
        var tenant = fixtures.tenant();
        String s1 = model(tenant, "S1");
        String s2 = model(tenant, "S2");
        UUID motor = stock.item(tenant, "MTR-500", "pcs", BigDecimal.ZERO);
        UUID brake = stock.item(tenant, "BRK-1", "pcs", BigDecimal.ZERO);
        stock.item(tenant, "SEAT-1", "pcs", BigDecimal.ZERO);
        assertThat(api.put(tenant.adminKey(), "/api/v1/vehicle-models/" + s1 + "/items/" + motor, null, Map.of())
                .status()).isEqualTo(204);
        api.put(tenant.adminKey(), "/api/v1/vehicle-models/" + s1 + "/items/" + brake, null, Map.of());
        api.put(tenant.adminKey(), "/api/v1/vehicle-models/" + s2 + "/items/" + brake, null, Map.of());

        assertThat(skus(api.get(tenant.adminKey(), "/api/v1/items?model=" + s1).json()))
                .containsExactlyInAnyOrder("MTR-500", "BRK-1");
        assertThat(skus(api.get(tenant.adminKey(), "/api/v1/items?model=" + s2).json())).containsExactly("BRK-1");
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/" + brake + "/vehicle-models").json().get("items"))
                .extracting(n -> n.get("name").asString()).containsExactly("S1", "S2");
        List<ItemInfo> forTill = TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"),
                () -> catalogItems.compatibleWith(UUID.fromString(s1)));
        assertThat(forTill).extracting(ItemInfo::sku).containsExactly("BRK-1", "MTR-500");

        assertThat(api.delete(tenant.adminKey(), "/api/v1/vehicle-models/" + s1 + "/items/" + motor).status())
                .isEqualTo(204);
        assertThat(skus(api.get(tenant.adminKey(), "/api/v1/items?model=" + s1).json())).containsExactly("BRK-1");
        order(tenant, "VO-1", s2);
        assertThat(api.delete(tenant.adminKey(), "/api/v1/vehicle-models/" + s2).status())
                .as("a model that orders name stays").isEqualTo(409);
    }

    @Test
    void rowLevelSecurityKeepsOrdersAndModelsInTheirCompanyAndATokenFindsOnlyItsOrder() throws Exception {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        JsonNode orderA = order(a, "VO-A", model(a, "A1"));
        order(b, "VO-B", model(b, "B1"));
        for (var tenant : List.of(a, b)) {
            assertThat(api.put(tenant.adminKey(), "/api/v1/notifications/subscriptions", Map.of("subscriptions",
                    List.of(Map.of("type", "warranty.pending", "subscribed", false))), Map.of()).status()).isEqualTo(200);
        }
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + a.id() + "', false)");
            for (String table : List.of("vehicle_orders", "vehicle_models", "notification_subscriptions")) {
                assertThat(tenantIds(statement, table)).as(table).containsOnly(a.id());
            }
            statement.execute("SELECT set_config('app.tenant_id', '', false)");
            assertThat(tenantIds(statement, "vehicle_orders")).isEmpty();
            String token = orderA.get("trackingPath").asString().substring("/track/".length());
            try (ResultSet rs = statement.executeQuery(
                    "SELECT tenant, order_id FROM vehicle_order_tracking WHERE tracking_token = '" + token + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, UUID.class)).isEqualTo(a.id());
                assertThat(rs.getObject(2, UUID.class)).isEqualTo(UUID.fromString(orderA.get("id").asString()));
                assertThat(rs.next()).isFalse();
            }
            assertThat(tenantIds(statement, "vehicle_orders")).as("the token opens no company's orders").isEmpty();
            assertThat(tenantIds(statement, "vehicle_models")).as("the token opens no other table").isEmpty();
        }
    }

    @Test
    void anImportedCompanysOrdersAreTrackedByTheirNewTokens(@TempDir Path dir) throws Exception {
        var tenant = fixtures.tenant();
        String original = order(tenant, "VO-COPY", model(tenant, "C1")).get("trackingPath").asString();
        Path archive = dir.resolve("company.zip");
        try (OutputStream out = Files.newOutputStream(archive)) {
            backups.export(tenant.id(), out);
        }
        UUID copy = backups.importCompany(archive, "copy-" + tenant.slug()).tenantId();

        List<String> tokens = new ArrayList<>();
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT tracking_token FROM vehicle_order_tracking WHERE tenant = '" + copy + "'")) {
            while (rs.next()) {
                tokens.add(rs.getString(1));
            }
        }
        assertThat(tokens).hasSize(1).doesNotContain(original.substring("/track/".length()));
        var customer = new WebSession(api.baseUrl());
        assertThat(customer.get("/track/" + tokens.get(0)).body()).contains("VO-COPY");
        assertThat(customer.get(original).body()).contains("VO-COPY", "Company " + tenant.slug());
    }

    private static List<UUID> tenantIds(Statement statement, String table) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT DISTINCT tenant_id FROM " + table)) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static List<String> skus(JsonNode page) {
        List<String> skus = new ArrayList<>();
        page.get("items").forEach(item -> skus.add(item.get("sku").asString()));
        return skus;
    }
}
