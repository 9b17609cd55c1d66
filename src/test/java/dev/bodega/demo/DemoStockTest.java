package dev.bodega.demo;

import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo company's stock, built from whatever active items the company has, the demo catalog's among them. */
@BodegaTest
class DemoStockTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired JdbcClient jdbc;
    @Autowired DemoData demo;

    @Test
    void theDemoCompanyGetsLocationsOpeningStockAlertsAndAPendingAdjustment() {
        var tenant = fixtures.tenant();
        UUID seller = fixtures.user(tenant, "vendedor@demo.bodega", "seller");
        UUID technician = fixtures.user(tenant, "tecnico@demo.bodega", "technician");
        UUID manager = fixtures.user(tenant, "gerente@demo.bodega", "manager");
        stock.asAdmin(tenant, () -> jdbc.sql("""
                        INSERT INTO items (tenant_id, id, sku, name, unit_code, kind, cost_price, min_stock)
                        SELECT :t, gen_random_uuid(), 'DEMO-' || lpad(n::text, 3, '0'), 'Artículo ' || n,
                               CASE WHEN n % 10 = 0 THEN 'm' ELSE 'pcs' END,
                               CASE WHEN n % 10 = 0 THEN 'bulk_material' ELSE 'consumable' END,
                               n * 1.5, CASE WHEN n % 2 = 0 THEN 6 ELSE 0 END
                        FROM generate_series(1, 60) AS n""")
                .param("t", tenant.id()).update());

        demo.fill(tenant.id(), tenant.adminId());

        assertThat(list(tenant, "SELECT name || '|' || kind FROM locations WHERE organization_id IS NULL ORDER BY name"))
                .containsExactly(
                "Bodega Central|warehouse", "En tránsito|transit", "Taller Norte|workshop", "Tienda Centro|store");
        assertThat(list(tenant, "SELECT l.name FROM user_locations ul JOIN locations l ON l.id = ul.location_id "
                + "WHERE ul.user_id = '" + seller + "'")).containsExactly("Tienda Centro");
        assertThat(list(tenant, "SELECT l.name FROM user_locations ul JOIN locations l ON l.id = ul.location_id "
                + "WHERE ul.user_id = '" + technician + "'")).containsExactly("Taller Norte");
        assertThat(count(tenant, """
                SELECT count(*) FROM items i WHERE i.active AND NOT EXISTS (
                    SELECT 1 FROM stock_levels s JOIN locations l ON l.id = s.location_id
                    WHERE s.item_id = i.id AND l.name = 'Bodega Central' AND s.on_hand > 0)""")).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM stock_levels s JOIN locations l ON l.id = s.location_id "
                + "WHERE l.name <> 'Bodega Central' AND s.on_hand > 0")).isPositive();
        assertThat(count(tenant, "SELECT count(*) FROM stock_levels WHERE below_min")).isPositive();
        // Sales and purchases move stock too; the stock step posts only opening balances.
        assertThat(count(tenant, "SELECT count(*) FROM stock_ledger WHERE document_type = 'demo' "
                + "AND movement_type <> 'opening_balance'")).isZero();
        assertThat(stock.ledgerMismatches(tenant)).isZero();

        assertThat(count(tenant, "SELECT count(*) FROM alert_subscriptions WHERE alert_type = 'low_stock' AND active "
                + "AND user_id = '" + tenant.adminId() + "'")).isEqualTo(1);
        BigDecimal threshold = stock.asAdmin(tenant, () -> jdbc.sql("SELECT adjustment_approval_threshold FROM tenants")
                .query(BigDecimal.class).single());
        assertThat(threshold).isEqualByComparingTo("500.00");
        // Besides the manager's, the part that arrived short at the workshop (transfer requests, DemoRequests).
        assertThat(list(tenant, "SELECT status || '|' || reason || '|' || requested_by FROM stock_adjustments"))
                .containsExactlyInAnyOrder("pending|count_correction|" + manager, "posted|lost|" + technician);
        assertThat(count(tenant, "SELECT count(*) FROM stock_adjustments WHERE value > 500")).isEqualTo(1);
        assertThat(list(tenant, "SELECT status FROM transfer_requests")).as("a transfer request in every state")
                .containsExactlyInAnyOrder("RECIBIDO", "DESPACHADO", "ALISTAMIENTO", "PENDIENTE", "CANCELADO");
    }

    @Test
    void theDemoCatalogIsStockedBeforeAnythingElseSeesIt() {
        var tenant = fixtures.tenant();
        demo.fill(tenant.id(), tenant.adminId());

        assertThat(count(tenant, "SELECT count(*) FROM locations WHERE kind <> 'transit' AND organization_id IS NULL"))
                .isEqualTo(3);
        assertThat(count(tenant, "SELECT count(*) FROM items WHERE active")).isGreaterThan(300);
        assertThat(count(tenant, """
                SELECT count(*) FROM items i WHERE i.active AND NOT EXISTS (
                    SELECT 1 FROM stock_levels s JOIN locations l ON l.id = s.location_id
                    WHERE s.item_id = i.id AND l.name = 'Bodega Central' AND s.on_hand > 0)""")).isZero();
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    private List<String> list(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query(String.class).list());
    }

    private long count(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query(Long.class).single());
    }
}
