package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.BusinessEvent;
import dev.bodega.platform.BusinessEvents;
import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sale completed, sale cancelled and return created are recorded in business_events, the transactional
 * outbox, in the transaction that made them true: there as soon as the sale's response is, absent when it
 * rolled back, and an event that cannot be recorded fails its own transaction.
 */
@BodegaTest
class BusinessEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired BusinessEvents businessEvents;

    @Test
    void saleCompletedCancelledAndReturnCreatedAreRecordedThroughTheOutbox() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("EVT-1", "5.00", "10", "1.00");
        UUID customer = shop.customer("EVT-OUT", "Olga");
        JsonNode sale = shop.sell(customer, Shop.lines(item, 2));
        String saleId = sale.get("id").asString();

        assertThat(recorded(shop, "sale.completed")).isEqualTo(1);
        Map<String, Object> row = shop.row("""
                SELECT subject_id::text AS subject, payload::text AS payload, occurred_at, recorded_at
                FROM business_events WHERE event_type = 'sale.completed'""");
        assertThat(row.get("subject")).isEqualTo(saleId);
        JsonNode payload = JSON.readTree((String) row.get("payload"));
        assertThat(payload.get("invoice").asString()).isEqualTo("F001-00000001");
        assertThat(payload.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(payload.get("total").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(payload.has("subjectId")).isFalse();
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant())
                .isEqualTo(Instant.parse(payload.get("completedAt").asString()));

        var returned = api.post(shop.tenant.adminKey(), "/api/v1/sales/" + saleId + "/returns", Map.of("reason", "defect",
                "refundMethod", "cash", "lines", List.of(Map.of("saleLineId", sale.get("lines").get(0).get("id").asString(),
                        "quantity", 1))));
        String other = shop.sell(null, Shop.lines(item, 1)).get("id").asString();
        api.post(shop.tenant.adminKey(), "/api/v1/sales/" + other + "/cancel", Map.of("reason", "oops"));
        assertThat(recorded(shop, "return.created")).isEqualTo(1);
        assertThat(recorded(shop, "sale.cancelled")).isEqualTo(1);
        assertThat(recorded(shop, "sale.completed")).isEqualTo(2);
        assertThat(shop.row("SELECT subject_id::text AS subject FROM business_events WHERE event_type = 'return.created'")
                .get("subject")).isEqualTo(returned.json().get("id").asString());
        assertThat(shop.row("SELECT subject_id::text AS subject FROM business_events WHERE event_type = 'sale.cancelled'")
                .get("subject")).isEqualTo(other);

        // A refused sale commits nothing, so it publishes nothing.
        assertThat(api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 99), true, "1000.00"))
                .status()).isEqualTo(409);
        assertThat(recorded(shop, "sale.completed")).isEqualTo(2);

        // Row-level security: another company's connection sees none of these rows.
        var stranger = fixtures.tenant();
        try (Connection connection = fixtures.appConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, stranger.id().toString());
                set.executeQuery();
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM business_events");
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            connection.rollback();
        }
    }

    @Test
    void anEventThatCannotBeRecordedFailsTheTransactionThatPublishedIt() {
        // An event of a company that does not exist: its row breaks the foreign key, and the fact goes with it.
        UUID tenant = UUID.randomUUID();
        UUID sale = UUID.randomUUID();
        SaleCompleted event = new SaleCompleted(tenant, sale, UUID.randomUUID(), null, null, "F009-00000001",
                new BigDecimal("12.00"), "USD", Instant.parse("2026-05-01T15:00:00Z"));
        assertThatThrownBy(() -> TenantContext.runAs(TenantContext.Scope.system(tenant),
                () -> transactions.executeWithoutResult(tx -> events.publishEvent(event))))
                .isInstanceOf(DataIntegrityViolationException.class);
        long rows = TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx ->
                jdbc.sql("SELECT count(*) FROM business_events").query(Long.class).single()));
        assertThat(rows).isZero();
    }

    @Test
    void anEventPublishedOutsideATransactionIsRefused() {
        SaleCompleted event = new SaleCompleted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null,
                "F009-00000002", BigDecimal.ONE, "USD", Instant.now());
        assertThatThrownBy(() -> events.publishEvent(event)).isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theSameEventPublishedTwiceIsRecordedOnce() {
        var company = fixtures.tenant();
        SaleCompleted event = new SaleCompleted(company.id(), UUID.randomUUID(), UUID.randomUUID(), null, null,
                "F009-00000003", new BigDecimal("7.00"), "USD", Instant.parse("2026-05-01T15:00:00Z"));
        for (int i = 0; i < 2; i++) {
            TenantContext.runAs(TenantContext.Scope.system(company.id()),
                    () -> transactions.executeWithoutResult(tx -> events.publishEvent(event)));
        }
        long rows = TenantContext.callAs(TenantContext.Scope.system(company.id()), () -> transactions.execute(tx ->
                jdbc.sql("SELECT count(*) FROM business_events").query(Long.class).single()));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void eventsPublishedTogetherAreEachRecordedOnceWithTheirMoment() {
        var company = fixtures.tenant();
        List<SaleCompleted> sales = List.of(
                new SaleCompleted(company.id(), UUID.randomUUID(), UUID.randomUUID(), null, null, "F009-00000004",
                        new BigDecimal("7.00"), "USD", Instant.parse("2026-05-01T15:00:00.123456Z")),
                new SaleCompleted(company.id(), UUID.randomUUID(), UUID.randomUUID(), null, null, "F009-00000005",
                        new BigDecimal("8.00"), "USD", Instant.parse("2026-05-02T16:00:00Z")));
        TenantContext.runAs(TenantContext.Scope.system(company.id()), () -> transactions.executeWithoutResult(tx ->
                businessEvents.together(() -> {
                    sales.forEach(events::publishEvent);
                    events.publishEvent(sales.get(0));
                    return null;
                })));
        List<Map<String, Object>> rows = TenantContext.callAs(TenantContext.Scope.system(company.id()), () ->
                transactions.execute(tx -> jdbc.sql("""
                        SELECT e.subject_id, e.occurred_at, count(a.id) AS copies FROM business_events e
                        LEFT JOIN analytics_events a ON a.tenant_id = e.tenant_id AND a.id = e.id
                        GROUP BY e.subject_id, e.occurred_at ORDER BY e.occurred_at""").query().listOfRows()));
        assertThat(rows).extracting(r -> r.get("subject_id")).containsExactly(sales.get(0).saleId(), sales.get(1).saleId());
        assertThat(rows).extracting(r -> ((java.sql.Timestamp) r.get("occurred_at")).toInstant())
                .containsExactly(sales.get(0).completedAt(), sales.get(1).completedAt());
        assertThat(rows).extracting(r -> r.get("copies")).containsOnly(1L);
    }

    @Test
    void anEventTypeIsNamedAfterItsRecord() {
        assertThat(BusinessEvent.typeOf(SaleCompleted.class)).isEqualTo("sale.completed");
        assertThat(BusinessEvent.typeOf(ReturnCreated.class)).isEqualTo("return.created");
        assertThat(BusinessEvent.typeOf(SaleCancelled.class)).isEqualTo("sale.cancelled");
    }

    private long recorded(Shop shop, String type) {
        return shop.query("SELECT count(*) FROM business_events WHERE event_type = :type", Map.of("type", type), Long.class);
    }
}
