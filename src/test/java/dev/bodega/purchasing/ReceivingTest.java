package dev.bodega.purchasing;

import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.TenantContext;
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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receiving supplier orders: deliveries post purchase receipts at the order's
 * unit cost (moving average exact), the status follows, an over-receipt needs
 * a confirmation, a retried delivery posts once, and each delivery publishes
 * {@link PurchaseReceived}.
 */
@BodegaTest
class ReceivingTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired ConfigurableApplicationContext context;
    @Autowired TransactionTemplate transactions;

    private final List<PurchaseReceived> events = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PurchaseReceived received) {
            events.add(received);
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
    void twoDeliveriesMoveTheOrderToPartiallyReceivedThenReceivedAndAverageTheCostExactly() throws Exception {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID paint = buyer.item("PAINT-1", "10", "5.00");
        UUID brush = buyer.item("BRUSH-1", "0", "0");
        JsonNode order = buyer.sent(buyer.order(paint, 20, "8.00", brush, 5, "2.50"));
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("172.50");

        var first = buyer.receive(order, Buyer.delivery(order, 1, 10), null);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("sequence").asInt()).isEqualTo(1);
        assertThat(first.json().get("value").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(buyer.get(order).get("status").asString()).isEqualTo("partially_received");
        assertThat(buyer.onHand(paint)).isEqualByComparingTo("20");
        assertThat(buyer.averageCost(paint)).isEqualByComparingTo("6.50");     // (10 × 5.00 + 10 × 8.00) / 20

        var second = buyer.receive(order, Buyer.delivery(order, 1, 10, 2, 5), null);
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        JsonNode received = buyer.get(order);
        assertThat(received.get("status").asString()).isEqualTo("received");
        assertThat(received.hasNonNull("receivedAt")).isTrue();
        assertThat(received.get("receivedValue").decimalValue()).isEqualByComparingTo("172.50");
        assertThat(received.get("lines").get(0).get("receivedQuantity").decimalValue()).isEqualByComparingTo("20");
        assertThat(received.get("lines").get(0).get("outstandingQuantity").decimalValue()).isEqualByComparingTo("0");
        assertThat(buyer.onHand(paint)).isEqualByComparingTo("30");
        assertThat(buyer.averageCost(paint)).isEqualByComparingTo("7.00");     // (20 × 6.50 + 10 × 8.00) / 30
        assertThat(buyer.onHand(brush)).isEqualByComparingTo("5");
        assertThat(buyer.averageCost(brush)).isEqualByComparingTo("2.50");
        assertThat(buyer.ledgerMismatches()).isZero();

        // Each delivery is one posting, named by the delivery, of purchase receipts at the order's costs.
        String secondId = second.json().get("id").asString();
        String posting = second.json().get("postingId").asString();
        assertThat(buyer.query("""
                        SELECT string_agg(movement_type || ':' || quantity::text || '@' || unit_cost::text, ',' ORDER BY quantity)
                        FROM stock_ledger WHERE posting_id = CAST(:p AS uuid)
                          AND document_type = 'supplier_receipt' AND document_id = CAST(:r AS uuid)""",
                Map.of("p", posting, "r", secondId), String.class))
                .isEqualTo("purchase_receipt:5.000@2.5000,purchase_receipt:10.000@8.0000");

        var receipts = api.get(buyer.tenant.adminKey(), "/api/v1/purchasing/orders/" + order.get("id").asString() + "/receipts");
        assertThat(receipts.status()).isEqualTo(200);
        assertThat(receipts.json().get("items")).hasSize(2);
        assertThat(receipts.json().get("items").get(0).get("id").asString()).isEqualTo(secondId);
        assertThat(receipts.json().get("items").get(0).get("lines")).hasSize(2);
        assertThat(receipts.json().get("items").get(1).get("postingId").asString())
                .isEqualTo(first.json().get("postingId").asString());
        var one = api.get(buyer.tenant.adminKey(), "/api/v1/purchasing/orders/" + order.get("id").asString()
                + "/receipts/" + secondId);
        assertThat(one.json().get("receivedBy").asString()).isEqualTo(buyer.tenant.adminId().toString());

        List<PurchaseReceived> published = of(buyer);
        assertThat(published).hasSize(2);
        assertThat(published.get(0).status()).isEqualTo("partially_received");
        assertThat(published.get(0).delivery()).isEqualTo(1);
        assertThat(published.get(1).status()).isEqualTo("received");
        assertThat(published.get(1).orderNumber()).isEqualTo(order.get("number").asString());
        assertThat(published.get(1).value()).isEqualByComparingTo("92.50");
        assertThat(published.get(1).postingId().toString()).isEqualTo(posting);
        assertThat(published.get(1).supplierId()).isEqualTo(buyer.supplier);
        assertThat(published.get(1).locationId()).isEqualTo(buyer.warehouse);
        assertThat(recordedDeliveries(buyer, order.get("id").asString())).as("business_events after the outbox").isEqualTo(2);
    }

    /** Waits for the outbox to record both deliveries as business events of the order. */
    private long recordedDeliveries(Buyer buyer, String orderId) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        long rows = 0;
        while (rows < 2 && System.nanoTime() < deadline) {
            rows = TenantContext.callAs(TenantContext.Scope.system(buyer.tenant.id()), () -> transactions.execute(tx ->
                    jdbc.sql("SELECT count(*) FROM business_events WHERE event_type = 'purchase.received' "
                                    + "AND subject_id = CAST(:order AS uuid)")
                            .param("order", orderId).query(Long.class).single()));
            Thread.sleep(rows < 2 ? 50 : 0);
        }
        return rows;
    }

    @Test
    void anOverReceiptIsRefusedWithoutConfirmationAndChangesNothingThenAcceptedWithIt() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID cable = buyer.item("CABLE-1", "4", "3.00");
        JsonNode order = buyer.sent(buyer.order(cable, 10, "3.00"));
        long version = order.get("version").asLong();

        var refused = buyer.receive(order, Buyer.delivery(order, 1, 12), "over-1");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/over-receipt");
        JsonNode over = refused.json().get("lines").get(0);
        assertThat(over.get("sku").asString()).isEqualTo("CABLE-1");
        assertThat(over.get("outstanding").asString()).isEqualTo("10");
        assertThat(over.get("requested").asString()).isEqualTo("12");
        assertThat(buyer.onHand(cable)).isEqualByComparingTo("4");
        assertThat(buyer.query("SELECT count(*) FROM supplier_receipts", Map.of(), Long.class)).isZero();
        assertThat(buyer.query("SELECT count(*) FROM stock_ledger WHERE movement_type = 'purchase_receipt'", Map.of(),
                Long.class)).isZero();
        JsonNode unchanged = buyer.get(order);
        assertThat(unchanged.get("status").asString()).isEqualTo("sent");
        assertThat(unchanged.get("version").asLong()).isEqualTo(version);
        assertThat(of(buyer)).isEmpty();

        // Exactly what is outstanding needs no confirmation; more than that on any line does.
        Map<String, Object> confirmed = Buyer.delivery(order, 1, 12);
        confirmed.put("confirmOverReceipt", true);
        var accepted = buyer.receive(order, confirmed, "over-1");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("overReceipt").asBoolean()).isTrue();
        assertThat(buyer.onHand(cable)).isEqualByComparingTo("16");
        JsonNode received = buyer.get(order);
        assertThat(received.get("status").asString()).isEqualTo("received");
        assertThat(received.get("lines").get(0).get("receivedQuantity").decimalValue()).isEqualByComparingTo("12");
        assertThat(received.get("lines").get(0).get("outstandingQuantity").decimalValue()).isEqualByComparingTo("0");
        assertThat(buyer.ledgerMismatches()).isZero();
    }

    @Test
    void aRetriedDeliveryWithTheSameIdempotencyKeyPostsOnce() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID bolt = buyer.item("BOLT-1", "0", "0");
        JsonNode order = buyer.sent(buyer.order(bolt, 100, "0.25"));
        Map<String, Object> delivery = Buyer.delivery(order, 1, 40);

        var first = buyer.receive(order, delivery, "delivery-7");
        var retry = buyer.receive(order, delivery, "delivery-7");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(buyer.onHand(bolt)).isEqualByComparingTo("40");
        assertThat(buyer.query("SELECT count(*) FROM supplier_receipts", Map.of(), Long.class)).isEqualTo(1);
        assertThat(buyer.query("SELECT count(*) FROM stock_postings WHERE document_type = 'supplier_receipt'", Map.of(),
                Long.class)).isEqualTo(1);
        assertThat(buyer.get(order).get("lines").get(0).get("receivedQuantity").decimalValue()).isEqualByComparingTo("40");
        assertThat(of(buyer)).hasSize(1);

        var reused = buyer.receive(order, Buyer.delivery(order, 1, 41), "delivery-7");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("type").asString()).endsWith("/idempotency-key-reused");
        var another = buyer.receive(order, delivery, "delivery-8");
        assertThat(another.status()).isEqualTo(201);
        assertThat(another.json().get("sequence").asInt()).isEqualTo(2);
        assertThat(buyer.onHand(bolt)).isEqualByComparingTo("80");
    }

    @Test
    void aDeliveryCanGoToAnotherLocationAndOnlySentOrdersAreReceived() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID store = stock.location(buyer.tenant, "Tienda norte");
        UUID glue = buyer.item("GLUE-1", "0", "0");
        JsonNode draft = buyer.create(buyer.order(glue, 6, "1.20"));

        var notSent = buyer.receive(draft, Buyer.delivery(draft, 1, 6), null);
        assertThat(notSent.status()).isEqualTo(409);
        assertThat(notSent.json().get("type").asString()).endsWith("/order-not-receivable");

        JsonNode order = buyer.sent(buyer.order(glue, 6, "1.20"));
        Map<String, Object> elsewhere = Buyer.delivery(order, 1, 6);
        elsewhere.put("locationId", store);
        elsewhere.put("note", "Remisión 4411");
        var received = buyer.receive(order, elsewhere, null);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        assertThat(received.json().get("locationName").asString()).isEqualTo("Tienda norte");
        assertThat(received.json().get("note").asString()).isEqualTo("Remisión 4411");
        assertThat(stock.onHand(buyer.tenant, store, glue)).isEqualByComparingTo("6");
        assertThat(buyer.onHand(glue)).isEqualByComparingTo("0");

        var again = buyer.receive(order, Buyer.delivery(order, 1, 1), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/order-not-receivable");
        var zero = buyer.receive(buyer.sent(buyer.order(glue, 2, "1.20")), Map.of("lines", List.of()), null);
        assertThat(zero.status()).isEqualTo(400);
    }

    private List<PurchaseReceived> of(Buyer buyer) {
        return events.stream().filter(e -> e.tenantId().equals(buyer.tenant.id())).toList();
    }
}
