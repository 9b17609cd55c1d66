package dev.bodega.inventory;

import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger is append-only and the levels follow it: the application role cannot edit or delete ledger
 * rows nor write quantities, on hand always equals the ledger sum, and the check finds a level that does not.
 */
@BodegaTest
class LedgerAppendOnlyTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired EmbeddedDatabase database;

    TestFixtures.Tenant tenant;
    UUID shop;
    UUID store;
    UUID item;

    @BeforeEach
    void stockUp() {
        tenant = fixtures.tenant();
        shop = stock.location(tenant, "Tienda");
        store = stock.location(tenant, "Bodega");
        item = stock.item(tenant, "LEDGER-1", "kg", new BigDecimal("2"));
        post("/api/v1/stock/receipts", Map.of("locationId", shop, "lines",
                List.of(Map.of("itemId", item, "quantity", "12.5", "unitCost", "3"))));
        post("/api/v1/stock/issues", Map.of("locationId", shop, "lines", List.of(Map.of("itemId", item, "quantity", "0.75"))));
        post("/api/v1/stock/transfers", Map.of("fromLocationId", shop, "toLocationId", store,
                "lines", List.of(Map.of("itemId", item, "quantity", "4.25"))));
    }

    @Test
    void theApplicationRoleCannotRewriteTheLedgerNorWriteQuantities() throws SQLException {
        List<String> refused = List.of(
                "UPDATE stock_ledger SET quantity = 100",
                "DELETE FROM stock_ledger",
                "TRUNCATE stock_ledger",
                "UPDATE stock_levels SET on_hand = 1000",
                "UPDATE stock_levels SET avg_cost = 0",
                "DELETE FROM stock_levels",
                "INSERT INTO stock_levels (tenant_id, location_id, item_id, on_hand) VALUES ('" + tenant.id() + "', '"
                        + store + "', '" + item + "', 50)",
                "UPDATE stock_postings SET note = 'changed'",
                "DELETE FROM stock_postings");
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            for (String sql : refused) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("7.5");
        assertThat(stock.onHand(tenant, store, item)).isEqualByComparingTo("4.25");
    }

    @Test
    void onHandEqualsTheLedgerSumForEveryLevel() throws SQLException {
        post("/api/v1/stock/transfers", Map.of("fromLocationId", store, "toLocationId", shop,
                "lines", List.of(Map.of("itemId", item, "quantity", "1.125"))));
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            var rows = statement.executeQuery("""
                    SELECT l.location_id, l.on_hand, (SELECT sum(g.quantity) FROM stock_ledger g
                        WHERE g.location_id = l.location_id AND g.item_id = l.item_id) AS total
                    FROM stock_levels l""");
            int levels = 0;
            while (rows.next()) {
                levels++;
                assertThat(rows.getBigDecimal("on_hand")).isEqualByComparingTo(rows.getBigDecimal("total"));
            }
            assertThat(levels).isEqualTo(2);
        }
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("8.625");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void theLedgerCheckFindsALevelCorruptedBehindTheEnginesBack() {
        JsonNode clean = check();
        assertThat(clean.get("consistent").asBoolean()).isTrue();
        assertThat(clean.get("mismatches")).isEmpty();

        JdbcClient superuser = JdbcClient.create(database.superuserDataSource());
        String corrupt = "UPDATE stock_levels SET on_hand = on_hand + :delta WHERE tenant_id = :t AND location_id = :l AND item_id = :i";
        superuser.sql(corrupt).param("delta", 5).param("t", tenant.id()).param("l", store).param("i", item).update();
        try {
            JsonNode broken = check();
            assertThat(broken.get("consistent").asBoolean()).isFalse();
            assertThat(broken.get("mismatches")).hasSize(1);
            JsonNode mismatch = broken.get("mismatches").get(0);
            assertThat(mismatch.get("locationId").asString()).isEqualTo(store.toString());
            assertThat(mismatch.get("locationName").asString()).isEqualTo("Bodega");
            assertThat(mismatch.get("sku").asString()).isEqualTo("LEDGER-1");
            assertThat(mismatch.get("onHand").decimalValue()).isEqualByComparingTo("9.25");
            assertThat(mismatch.get("ledgerTotal").decimalValue()).isEqualByComparingTo("4.25");
        } finally {
            superuser.sql(corrupt).param("delta", -5).param("t", tenant.id()).param("l", store).param("i", item).update();
        }
        assertThat(check().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void theLedgerCheckNeedsInventoryManage() {
        UUID viewer = fixtures.user(tenant, "viewer@" + tenant.slug() + ".test", "viewer");
        String key = fixtures.apiKey(tenant, viewer, Set.of("*.read"), List.of("*.read"));
        assertThat(api.get(key, "/api/v1/admin/ledger-check").status()).isEqualTo(403);
    }

    private JsonNode check() {
        var response = api.get(tenant.adminKey(), "/api/v1/admin/ledger-check");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void post(String path, Map<String, Object> body) {
        var response = api.post(tenant.adminKey(), path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
