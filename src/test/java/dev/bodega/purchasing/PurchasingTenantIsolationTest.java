package dev.bodega.purchasing;

import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Ids;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Raw SQL as the application role on the purchasing tables: the database alone keeps companies apart. */
@BodegaTest
class PurchasingTenantIsolationTest {

    private static final List<String> TABLES = List.of("supplier_order_counters", "supplier_orders",
            "supplier_order_lines", "supplier_receipts", "supplier_receipt_lines");

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void eachCompanySeesOnlyItsOwnPurchasesAndDeliveriesAreNeverEdited() throws SQLException {
        Buyer a = withDelivery(Buyer.open(fixtures, stock, postings, jdbc, api));
        Buyer b = withDelivery(Buyer.open(fixtures, stock, postings, jdbc, api));
        UUID theirItem = stock.itemId(b.tenant, "ISO-1");
        UUID ourOrder = a.query("SELECT id FROM supplier_orders LIMIT 1", Map.of(), UUID.class);

        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                assertThat(tenantIds(statement, table)).as(table + " without a tenant").isEmpty();
            }
            statement.execute("SELECT set_config('app.tenant_id', '" + a.tenant.id() + "', false)");
            for (String table : TABLES) {
                assertThat(tenantIds(statement, table)).as(table).containsExactly(a.tenant.id());
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO supplier_order_lines (tenant_id, id, order_id, position, item_id, item_sku, item_name,
                                                      quantity, unit_cost, line_total)
                    VALUES (?, ?, ?, 9, ?, 'X', 'X', 1, 1, 1)""")) {
                insert.setObject(1, a.tenant.id());
                insert.setObject(2, Ids.next());
                insert.setObject(3, ourOrder);
                insert.setObject(4, theirItem);
                assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            }
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE supplier_receipts SET value = 0"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM supplier_receipt_lines"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM supplier_orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    private static Buyer withDelivery(Buyer buyer) {
        UUID item = buyer.item("ISO-1", "0", "0");
        JsonNode order = buyer.sent(buyer.order(item, 3, "1.00"));
        assertThat(buyer.receive(order, Buyer.delivery(order, 1, 2), null).status()).isEqualTo(201);
        return buyer;
    }

    private static Set<UUID> tenantIds(Statement statement, String table) throws SQLException {
        Set<UUID> tenants = new HashSet<>();
        try (ResultSet rs = statement.executeQuery("SELECT tenant_id FROM " + table)) {
            while (rs.next()) {
                tenants.add(rs.getObject("tenant_id", UUID.class));
            }
        }
        return tenants;
    }
}
