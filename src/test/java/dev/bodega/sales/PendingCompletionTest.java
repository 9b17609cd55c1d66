package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parked sale completed later takes the same way as one completed at once: number, payments, the cost its
 * stock left at, the customer's totals and its event; a refused completion leaves it pending and takes nothing.
 */
@BodegaTest
class PendingCompletionTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired ConfigurableApplicationContext context;

    private final List<SaleCompleted> events = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof SaleCompleted completed) {
            events.add(completed);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    @Test
    void aParkedSaleWithACustomerIsNumberedCostedPaidCountedAndAnnounced() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID glue = shop.item("PEND-1", "4.00", "10", "1.25");
        UUID tape = shop.item("PEND-2", "2.50", "10", "0.75");
        UUID customer = shop.customer("PEND", "Pía");
        Api.Response parked = api.post(shop.tenant.adminKey(), "/api/v1/sales",
                shop.sale(customer, Shop.lines(glue, 2, tape, 2), false, null));
        assertThat(parked.status()).as(parked.body()).isEqualTo(201);
        String id = parked.json().get("id").asString();

        Api.Response completed = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + id + "/complete",
                Map.of("payments", List.of(Map.of("method", "card", "amount", "10.00", "reference", "VISA 1"),
                        Map.of("method", "cash", "amount", "5.00"))));

        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        JsonNode sale = completed.json();
        assertThat(sale.get("status").asString()).isEqualTo("completed");
        assertThat(sale.get("invoice").asString()).isEqualTo("F001-00000001");
        assertThat(sale.get("version").asLong()).isEqualTo(1);
        assertThat(new BigDecimal(sale.get("total").asString())).isEqualByComparingTo("13.00");
        assertThat(new BigDecimal(sale.get("change").asString())).isEqualByComparingTo("2.00");
        assertThat(sale.get("paymentMethod").asString()).isEqualTo("mixed");
        assertThat(sale.get("payments")).hasSize(2);
        assertThat(shop.list("SELECT unit_cost FROM sale_lines WHERE sale_id = :s ORDER BY position",
                Map.of("s", UUID.fromString(id)), BigDecimal.class))
                .containsExactly(new BigDecimal("1.2500"), new BigDecimal("0.7500"));
        assertThat(shop.query("SELECT count(*) FROM sale_payments p JOIN sales s ON s.id = p.sale_id "
                + "WHERE s.id = :s AND p.created_at = s.completed_at", Map.of("s", UUID.fromString(id)), Long.class))
                .isEqualTo(2);
        assertThat(shop.onHand(glue)).isEqualByComparingTo("8");
        assertThat(shop.ledgerMismatches()).isZero();

        JsonNode buyer = shop.customerJson(customer);
        assertThat(buyer.get("purchaseCount").asInt()).isEqualTo(1);
        assertThat(new BigDecimal(buyer.get("totalPurchases").asString())).isEqualByComparingTo("13.00");
        assertThat(Instant.parse(buyer.get("lastPurchaseAt").asString()))
                .isEqualTo(Instant.parse(sale.get("completedAt").asString()));

        List<SaleCompleted> mine = events.stream().filter(e -> e.tenantId().equals(shop.tenant.id())).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).saleId().toString()).isEqualTo(id);
        assertThat(mine.get(0).invoice()).isEqualTo("F001-00000001");
        assertThat(mine.get(0).customerId()).isEqualTo(customer);
        assertThat(mine.get(0).sellerId()).isEqualTo(shop.tenant.adminId());
        assertThat(mine.get(0).total()).isEqualByComparingTo("13.00");
    }

    @Test
    void aCompletionRefusedForItsSeriesLeavesTheSalePendingAndTakesNoNumberNorStock() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID lamp = shop.item("PEND-3", "20.00", "3", "8");
        UUID other = stock.location(shop.tenant, "Bodega norte");
        Api.Response series = api.post(shop.tenant.adminKey(), "/api/v1/invoice-series",
                Map.of("code", "N01", "locationId", other));
        assertThat(series.status()).as(series.body()).isEqualTo(201);
        String id = api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(lamp, 1), false, null))
                .json().get("id").asString();

        Api.Response refused = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + id + "/complete",
                Map.of("seriesId", series.json().get("id").asString(),
                        "payments", List.of(Map.of("method", "cash", "amount", "20.00"))));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/series-not-usable");
        assertThat(shop.query("SELECT status FROM sales WHERE id = :s", Map.of("s", UUID.fromString(id)), String.class))
                .isEqualTo("pending");
        assertThat(shop.query("SELECT count(*) FROM sale_payments", Map.of(), Long.class)).isZero();
        assertThat(shop.query("SELECT next_number FROM invoice_series WHERE code = 'N01'", Map.of(), Long.class))
                .isEqualTo(1);
        assertThat(shop.onHand(lamp)).isEqualByComparingTo("3");
        assertThat(events.stream().filter(e -> e.tenantId().equals(shop.tenant.id()))).isEmpty();
    }
}
