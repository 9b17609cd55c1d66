package dev.bodega.demo;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo company's supplier orders: 90 days of them, in every status, with real deliveries and lead times. */
@BodegaTest
class DemoPurchasesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired DemoData demo;

    @Test
    void theDemoCompanyGetsSupplierOrdersInEveryStatus() {
        var tenant = fixtures.tenant();
        UUID manager = fixtures.user(tenant, "gerente@demo.bodega", "manager");

        demo.fill(tenant.id(), tenant.adminId());

        assertThat(list(tenant, "SELECT status || ':' || count(*) FROM supplier_orders GROUP BY status ORDER BY status"))
                .containsExactly("cancelled:1", "draft:1", "partially_received:2", "received:8", "sent:1");
        assertThat(count(tenant, "SELECT count(*) FROM supplier_orders WHERE created_by = '" + manager + "'")).isEqualTo(13);
        assertThat(count(tenant, "SELECT count(*) FROM supplier_orders "
                + "WHERE order_date < current_date - 90 OR order_date > current_date")).isZero();
        assertThat(count(tenant, "SELECT count(DISTINCT supplier_id) FROM supplier_orders")).isEqualTo(5);
        assertThat(count(tenant, "SELECT count(*) FROM (SELECT order_id FROM supplier_receipts GROUP BY order_id "
                + "HAVING count(*) = 2) twice")).isEqualTo(4);
        assertThat(count(tenant, "SELECT count(*) FROM supplier_receipts WHERE received_at > now()")).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM supplier_receipts r WHERE NOT EXISTS "
                + "(SELECT 1 FROM stock_postings p WHERE p.id = r.posting_id AND p.document_id = r.id)")).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM supplier_order_lines l JOIN supplier_orders o ON o.id = l.order_id "
                + "WHERE o.status = 'received' AND l.received_quantity <> l.quantity")).isZero();
        assertThat(stock.ledgerMismatches(tenant)).isZero();

        JsonNode leadTimes = api.get(tenant.adminKey(), "/api/v1/purchasing/lead-times").json();
        assertThat(leadTimes).hasSize(5);
        long late = 0;
        long received = 0;
        for (JsonNode supplier : leadTimes) {
            late += supplier.get("lateOrders").asLong();
            received += supplier.get("receivedOrders").asLong();
        }
        assertThat(received).isEqualTo(8);
        assertThat(late).isEqualTo(3);
    }

    private List<String> list(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query(String.class).list());
    }

    private long count(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query(Long.class).single());
    }
}
