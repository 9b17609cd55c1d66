package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.BusinessEvent;
import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sale completed, sale cancelled and return created reach business_events through the transactional
 * outbox: a publication in event_publication written with the sale, completed once the row is recorded;
 * a delivery that fails stays incomplete until it is resubmitted.
 */
@BodegaTest
class BusinessEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String LISTENER = "dev.bodega.platform.internal.events.BusinessEventLog.on(dev.bodega.platform.BusinessEvent)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired IncompleteEventPublications incomplete;

    @Test
    void saleCompletedCancelledAndReturnCreatedAreRecordedThroughTheOutbox() throws Exception {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("EVT-1", "5.00", "10", "1.00");
        UUID customer = shop.customer("EVT-OUT", "Olga");
        JsonNode sale = shop.sell(customer, Shop.lines(item, 2));
        String saleId = sale.get("id").asString();

        await(() -> publications(shop.tenant.id(), SaleCompleted.class, true) == 1);
        assertThat(publications(shop.tenant.id(), SaleCompleted.class, false)).isZero();
        await(() -> recorded(shop, "sale.completed") == 1);
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
        await(() -> recorded(shop, "return.created") == 1 && recorded(shop, "sale.cancelled") == 1
                && recorded(shop, "sale.completed") == 2);
        assertThat(shop.row("SELECT subject_id::text AS subject FROM business_events WHERE event_type = 'return.created'")
                .get("subject")).isEqualTo(returned.json().get("id").asString());
        assertThat(shop.row("SELECT subject_id::text AS subject FROM business_events WHERE event_type = 'sale.cancelled'")
                .get("subject")).isEqualTo(other);
        await(() -> publications(shop.tenant.id(), ReturnCreated.class, true) == 1
                && publications(shop.tenant.id(), SaleCancelled.class, true) == 1);

        // A refused sale commits nothing, so it publishes nothing.
        assertThat(api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(null, Shop.lines(item, 99), true, "1000.00"))
                .status()).isEqualTo(409);
        Thread.sleep(1000);
        assertThat(recorded(shop, "sale.completed")).isEqualTo(2);
        assertThat(publications(shop.tenant.id(), SaleCompleted.class, true)).isEqualTo(2);

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
    void aDeliveryThatFailsStaysIncompleteAndIsRecordedWhenResubmitted() {
        // An event of a company whose row does not exist yet: recording it breaks the foreign key.
        UUID tenant = UUID.randomUUID();
        UUID sale = UUID.randomUUID();
        SaleCompleted event = new SaleCompleted(tenant, sale, UUID.randomUUID(), null, null, "F009-00000001",
                new BigDecimal("12.00"), "USD", Instant.parse("2026-05-01T15:00:00Z"));
        transactions.executeWithoutResult(tx -> events.publishEvent(event));

        await(() -> status(tenant).equals("FAILED"));
        assertThat(publications(tenant, SaleCompleted.class, true)).isZero();
        assertThat(publications(tenant, SaleCompleted.class, false)).isEqualTo(1);

        TenantContext.runAs(TenantContext.Scope.system(tenant), () -> transactions.executeWithoutResult(tx -> jdbc.sql(
                        "INSERT INTO tenants (id, slug, name, locale) VALUES (:id, :slug, 'Late company', 'es')")
                .param("id", tenant).param("slug", "late-" + tenant.toString().substring(0, 8)).update()));
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof SaleCompleted e
                && e.tenantId().equals(tenant));

        await(() -> publications(tenant, SaleCompleted.class, true) == 1);
        assertThat(publications(tenant, SaleCompleted.class, false)).isZero();
        Map<String, Object> row = TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx ->
                jdbc.sql("SELECT event_type, subject_id, occurred_at FROM business_events").query().singleRow()));
        assertThat(row.get("event_type")).isEqualTo("sale.completed");
        assertThat(row.get("subject_id")).isEqualTo(sale);
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(event.completedAt());

        // Delivered again (a restart before the completion was written): still one row.
        transactions.executeWithoutResult(tx -> events.publishEvent(event));
        await(() -> publications(tenant, SaleCompleted.class, true) == 2);
        long rows = TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx ->
                jdbc.sql("SELECT count(*) FROM business_events").query(Long.class).single()));
        assertThat(rows).isEqualTo(1);
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

    /** The tenant's publications of this event to the business event log, completed or not. */
    private long publications(UUID tenant, Class<?> type, boolean completed) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE listener_id = :listener AND event_type = :type AND serialized_event LIKE :tenant
                          AND (completion_date IS NOT NULL) = :completed""")
                .param("listener", LISTENER).param("type", type.getName()).param("tenant", "%" + tenant + "%")
                .param("completed", completed)
                .query(Long.class).single();
    }

    private String status(UUID tenant) {
        return jdbc.sql("""
                        SELECT coalesce(string_agg(status, ','), '') FROM event_publication
                        WHERE listener_id = :listener AND serialized_event LIKE :tenant""")
                .param("listener", LISTENER).param("tenant", "%" + tenant + "%")
                .query(String.class).single();
    }

    /** The listener runs after the commit on another thread: poll, then let the exact assertions speak. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(condition.getAsBoolean()).as("condition reached within " + PATIENCE).isTrue();
    }
}
