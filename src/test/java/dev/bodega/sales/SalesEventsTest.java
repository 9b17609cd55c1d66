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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Completing, cancelling and returning publish their events, with what a listener needs; a refused sale publishes none. */
@BodegaTest
class SalesEventsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired ConfigurableApplicationContext context;

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> payload) {
            events.add(payload.getPayload());
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
    void saleCompletedCancelledAndReturnCreated() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("EVT-1", "5.00", "10", "1.00");
        UUID customer = shop.customer("EVT", "Eva");

        JsonNode returned = shop.sell(customer, Shop.lines(item, 2));
        JsonNode cancelled = shop.sell(null, Shop.lines(item, 1));
        api.post(shop.tenant.adminKey(), "/api/v1/sales/" + returned.get("id").asString() + "/returns", Map.of(
                "reason", "defect", "refundMethod", "card", "lines", List.of(Map.of(
                        "saleLineId", returned.get("lines").get(0).get("id").asString(), "quantity", 1))));
        api.post(shop.tenant.adminKey(), "/api/v1/sales/" + cancelled.get("id").asString() + "/cancel", Map.of("reason", "oops"));
        var refused = api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 99), true, "1000.00"));
        assertThat(refused.status()).isEqualTo(409);

        List<SaleCompleted> completed = of(SaleCompleted.class, shop);
        assertThat(completed).hasSize(2);
        SaleCompleted first = completed.get(0);
        assertThat(first.saleId().toString()).isEqualTo(returned.get("id").asString());
        assertThat(first.invoice()).isEqualTo("F001-00000001");
        assertThat(first.customerId()).isEqualTo(customer);
        assertThat(first.sellerId()).isEqualTo(shop.tenant.adminId());
        assertThat(first.total()).isEqualByComparingTo("10.00");
        assertThat(first.currency()).isEqualTo("USD");

        List<ReturnCreated> returns = of(ReturnCreated.class, shop);
        assertThat(returns).hasSize(1);
        assertThat(returns.get(0).refundAmount()).isEqualByComparingTo("5.00");
        assertThat(returns.get(0).refundMethod()).isEqualTo("card");
        assertThat(returns.get(0).customerId()).isEqualTo(customer);

        List<SaleCancelled> cancellations = of(SaleCancelled.class, shop);
        assertThat(cancellations).hasSize(1);
        assertThat(cancellations.get(0).invoice()).isEqualTo("F001-00000002");
        assertThat(cancellations.get(0).reason()).isEqualTo("oops");
        assertThat(cancellations.get(0).cancelledBy()).isEqualTo(shop.tenant.adminId());
    }

    private <T> List<T> of(Class<T> type, Shop shop) {
        return events.stream().filter(type::isInstance).map(type::cast)
                .filter(e -> tenantOf(e).equals(shop.tenant.id())).toList();
    }

    private static UUID tenantOf(Object event) {
        if (event instanceof SaleCompleted e) {
            return e.tenantId();
        }
        if (event instanceof SaleCancelled e) {
            return e.tenantId();
        }
        return ((ReturnCreated) event).tenantId();
    }
}
