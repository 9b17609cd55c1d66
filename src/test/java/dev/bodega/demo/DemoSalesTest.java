package dev.bodega.demo;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company's customers and 90 days of sales, made through the real services: numbers gapless,
 * stock equal to its ledger, customer totals equal to their sales, and the reports full of it.
 */
@BodegaTest
class DemoSalesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired DemoData demo;

    @Test
    void ninetyDaysOfSalesReturnsAndCustomersThroughTheRealServices() {
        var tenant = fixtures.tenant();
        UUID manager = fixtures.user(tenant, "gerente@demo.bodega", "manager");
        UUID seller = fixtures.user(tenant, "vendedor@demo.bodega", "seller");
        fixtures.user(tenant, "tecnico@demo.bodega", "technician");
        Instant started = Instant.now();

        demo.fill(tenant.id(), tenant.adminId());

        assertThat(count(tenant, "SELECT count(*) FROM customers WHERE organization_id IS NULL")).isEqualTo(25);
        long sales = count(tenant, "SELECT count(*) FROM sales");
        assertThat(sales).isBetween(600L, 1400L);
        assertThat(count(tenant, "SELECT count(*) FROM sales WHERE status = 'pending'")).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM sales WHERE status = 'cancelled'")).isPositive();
        assertThat(count(tenant, "SELECT count(*) FROM sale_returns")).isEqualTo(8);
        assertThat(count(tenant, "SELECT count(*) FROM sale_returns r JOIN sales s ON s.id = r.sale_id "
                + "WHERE r.created_at <= s.sale_date OR s.status <> 'completed'")).isZero();

        // Every one of the 90 days has sales, none in the future; the newest sale has the newest id.
        LocalDate today = fixtures.today(tenant);
        assertThat(count(tenant, "SELECT count(DISTINCT (sale_date AT TIME ZONE 'America/Bogota')::date) FROM sales")).isEqualTo(90);
        assertThat(list(tenant, "SELECT min((sale_date AT TIME ZONE 'America/Bogota')::date)::text FROM sales"))
                .containsExactly(today.minusDays(89).toString());
        assertThat(count(tenant, "SELECT count(*) FROM sales WHERE sale_date > now()")).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM sales a JOIN sales b ON a.id < b.id AND a.sale_date > b.sale_date")).isZero();

        // Several stores and sellers, the store's seller only at her store; every way of paying.
        assertThat(list(tenant, "SELECT DISTINCT l.name FROM sales s JOIN locations l ON l.id = s.location_id ORDER BY 1"))
                .containsExactly("Bodega Central", "Taller Norte", "Tienda Centro");
        assertThat(list(tenant, "SELECT DISTINCT user_id::text FROM sales ORDER BY 1")).containsExactlyInAnyOrder(
                tenant.adminId().toString(), manager.toString(), seller.toString());
        assertThat(list(tenant, "SELECT DISTINCT l.name FROM sales s JOIN locations l ON l.id = s.location_id "
                + "WHERE s.user_id = '" + seller + "'")).containsExactly("Tienda Centro");
        assertThat(list(tenant, "SELECT DISTINCT payment_method FROM sales WHERE payment_method IS NOT NULL AND (customer_id IS NULL OR customer_id NOT IN (SELECT id FROM customers WHERE organization_id IS NOT NULL)) ORDER BY 1"))
                .containsExactly("card", "cash", "mixed", "transfer");
        // A Zipf-like trade: the best seller sells several times what the tenth does.
        List<String> best = list(tenant, "SELECT sum(quantity)::text FROM sale_lines GROUP BY item_id ORDER BY sum(quantity) DESC LIMIT 10");
        assertThat(Double.parseDouble(best.get(0))).isGreaterThan(3 * Double.parseDouble(best.get(9)));

        // The same invariants as any till's sales.
        assertThat(count(tenant, "SELECT count(*) FROM (SELECT series_id FROM sales GROUP BY series_id "
                + "HAVING max(invoice_number) <> count(*)) gaps")).isZero();
        assertThat(stock.ledgerMismatches(tenant)).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM stock_ledger WHERE crossed_below_min AND movement_type <> 'opening_balance'"))
                .as("the history takes no level below its minimum").isZero();
        assertThat(count(tenant, "SELECT count(*) FROM stock_levels WHERE on_hand < 0")).isZero();
        assertThat(count(tenant, """
                SELECT count(*) FROM customers c
                LEFT JOIN (SELECT customer_id, sum(total - refunded) AS spent, count(*) AS n, max(completed_at) AS last
                           FROM sales WHERE status = 'completed' GROUP BY customer_id) s ON s.customer_id = c.id
                WHERE c.total_purchases <> coalesce(s.spent, 0) OR c.purchase_count <> coalesce(s.n, 0)
                   OR c.last_purchase_at IS DISTINCT FROM s.last""")).isZero();

        // Yesterday's sales at the store went through a cash session closed a little short; today's is open.
        assertThat(list(tenant, "SELECT status || ' ' || number FROM cash_sessions ORDER BY number"))
                .containsExactly("closed 1", "open 2");
        assertThat(count(tenant, "SELECT count(*) FROM sales s JOIN cash_sessions c ON c.id = s.cash_session_id "
                + "WHERE (s.sale_date AT TIME ZONE 'America/Bogota')::date <> "
                + "(c.opened_at AT TIME ZONE 'America/Bogota')::date")).isZero();
        assertThat(count(tenant, "SELECT count(*) FROM sales WHERE cash_session_id IS NOT NULL")).isPositive();
        assertThat(count(tenant, "SELECT count(*) FROM cash_sessions WHERE difference BETWEEN -2050 AND -2000")).isEqualTo(1);

        // What the dashboard shows on the first start.
        JsonNode dashboard = api.get(tenant.adminKey(), "/api/v1/reports/sales-dashboard").json();
        assertThat(dashboard.get("today").get("count").asLong()).isGreaterThanOrEqualTo(3);
        dashboard.get("perDay").get("days").forEach(day -> assertThat(day.get("count").asLong()).isPositive());
        assertThat(dashboard.get("topByQuantity").get("items")).hasSize(10);

        // Every sale completed, cancelled and returned reaches the business event log.
        long completed = sales;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(tenant, "SELECT count(*) FROM business_events") < completed + 8 + count(tenant,
                "SELECT count(*) FROM sales WHERE status = 'cancelled'") && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(count(tenant, "SELECT count(*) FROM business_events WHERE event_type = 'sale.completed'")).isEqualTo(sales);
        assertThat(count(tenant, "SELECT count(*) FROM business_events WHERE event_type = 'return.created'")).isEqualTo(8);
        assertThat(count(tenant, "SELECT count(*) FROM business_events WHERE occurred_at < :started".replace(":started",
                "'" + started.minus(Duration.ofDays(80)) + "'"))).isPositive();
    }

    private long count(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query(Long.class).single());
    }

    private List<String> list(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query(String.class).list());
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
