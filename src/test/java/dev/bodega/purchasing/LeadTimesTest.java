package dev.bodega.purchasing;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lead time per supplier: days from the order date to the expected date and
 * to the day the order was fully received (company time zone, Bogotá for a
 * new company), late and overdue orders, over the orders placed in a period.
 */
@BodegaTest
class LeadTimesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void expectedAgainstActualDaysPerSupplier() {
        Buyer buyer = Buyer.open(fixtures, stock, postings, jdbc, api);
        UUID late = buyer.supplier("Lenta S.A.");
        UUID idle = buyer.supplier("Sin envíos Ltda.");
        UUID item = buyer.item("LEAD-1", "0", "0");
        LocalDate today = fixtures.today(buyer.tenant);

        // Andina: 10 days against 5 promised (late), 4 against 6 (in two deliveries), one still open, one long ago.
        receiveAll(buyer, buyer.sent(dated(buyer, buyer.supplier, item, today.minusDays(10), today.minusDays(5))), 1);
        receiveAll(buyer, buyer.sent(dated(buyer, buyer.supplier, item, today.minusDays(4), today.plusDays(2))), 2);
        JsonNode open = buyer.sent(dated(buyer, buyer.supplier, item, today.minusDays(3), today.plusDays(1)));
        assertThat(buyer.receive(open, Buyer.delivery(open, 1, 3), null).status()).isEqualTo(201);
        receiveAll(buyer, buyer.sent(dated(buyer, buyer.supplier, item, today.minusDays(40), today.minusDays(35))), 1);
        // Lenta: sent, past its expected date, nothing received. Sin envíos: a draft and a cancelled order only.
        buyer.sent(dated(buyer, late, item, today.minusDays(8), today.minusDays(1)));
        buyer.create(dated(buyer, idle, item, today.minusDays(8), today.minusDays(1)));
        JsonNode cancelled = buyer.sent(dated(buyer, idle, item, today.minusDays(8), today.minusDays(1)));
        api.post(buyer.tenant.adminKey(), "/api/v1/purchasing/orders/" + cancelled.get("id").asString() + "/cancel",
                Map.of("reason", "No"));

        JsonNode recent = api.get(buyer.tenant.adminKey(), "/api/v1/purchasing/lead-times?from=" + today.minusDays(30)
                + "&to=" + today).json();
        assertThat(recent).hasSize(2);
        JsonNode lenta = recent.get(0);
        JsonNode andina = recent.get(1);
        assertThat(lenta.get("supplierName").asString()).isEqualTo("Lenta S.A.");
        assertThat(andina.get("supplierId").asString()).isEqualTo(buyer.supplier.toString());
        assertThat(andina.get("receivedOrders").asLong()).isEqualTo(2);
        assertThat(andina.get("averageExpectedDays").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(andina.get("averageActualDays").decimalValue()).isEqualByComparingTo("7.0");
        assertThat(andina.get("averageDelayDays").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(andina.get("lateOrders").asLong()).isEqualTo(1);
        assertThat(andina.get("overdueOpenOrders").asLong()).isZero();
        assertThat(lenta.get("receivedOrders").asLong()).isZero();
        assertThat(lenta.hasNonNull("averageActualDays")).isFalse();
        assertThat(lenta.get("overdueOpenOrders").asLong()).isEqualTo(1);

        JsonNode all = api.get(buyer.tenant.adminKey(), "/api/v1/purchasing/lead-times?supplierId=" + buyer.supplier).json();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("receivedOrders").asLong()).isEqualTo(3);
        assertThat(all.get(0).get("averageExpectedDays").decimalValue()).isEqualByComparingTo("5.3");   // 16 / 3
        assertThat(all.get(0).get("averageActualDays").decimalValue()).isEqualByComparingTo("18.0");    // 54 / 3
        assertThat(all.get(0).get("lateOrders").asLong()).isEqualTo(2);
    }

    private static Map<String, Object> dated(Buyer buyer, UUID supplier, UUID item, LocalDate ordered,
                                                       LocalDate expected) {
        Map<String, Object> order = buyer.order(item, 4, "1.00");
        order.put("supplierId", supplier);
        order.put("orderDate", ordered.toString());
        order.put("expectedDate", expected.toString());
        return order;
    }

    /** Receives the order's one line in {@code deliveries} deliveries (4 units: 4, or 1 then 3). */
    private static void receiveAll(Buyer buyer, JsonNode order, int deliveries) {
        if (deliveries == 2) {
            assertThat(buyer.receive(order, Buyer.delivery(order, 1, 1), null).status()).isEqualTo(201);
            assertThat(buyer.get(order).get("status").asString()).isEqualTo("partially_received");
        }
        assertThat(buyer.receive(order, Buyer.delivery(order, 1, deliveries == 2 ? 3 : 4), null).status()).isEqualTo(201);
        assertThat(buyer.get(order).get("status").asString()).isEqualTo("received");
    }
}
