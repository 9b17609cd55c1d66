package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A level crossing its minimum notifies each subscriber once, through the
 * outbox and an asynchronous listener; no repeat until it went back above.
 */
@BodegaTest
class LowStockAlertTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(1500);

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    @Test
    void aCrossingNotifiesEachSubscriberOnceAndAgainOnlyAfterARecovery() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "LOW-1", "pcs", new BigDecimal("5"));
        UUID manager = fixtures.user(tenant, "manager@" + tenant.slug() + ".test", "manager");
        String managerKey = fixtures.apiKey(tenant, manager, Set.of("inventory.*"), List.of("inventory.*"));
        UUID unsubscribed = fixtures.user(tenant, "quiet@" + tenant.slug() + ".test", "manager");
        UUID switchedOff = fixtures.user(tenant, "off@" + tenant.slug() + ".test", "manager");
        String offKey = fixtures.apiKey(tenant, switchedOff, Set.of("inventory.*"), List.of("inventory.*"));
        subscribe(tenant.adminKey(), true);
        subscribe(managerKey, true);
        subscribe(offKey, true);
        subscribe(offKey, false);

        receive(tenant, shop, item, 10);
        issue(tenant, shop, item, 6);
        awaitAlerts(tenant, tenant.adminId(), 1);
        awaitAlerts(tenant, manager, 1);
        quietly();
        assertThat(alerts(tenant, tenant.adminId())).isEqualTo(1);
        assertThat(alerts(tenant, manager)).isEqualTo(1);
        assertThat(alerts(tenant, unsubscribed)).isZero();
        assertThat(alerts(tenant, switchedOff)).isZero();

        JsonNode notice = api.get(managerKey, "/api/v1/notifications").json().get("items").get(0);
        assertThat(notice.get("type").asString()).isEqualTo("alert");
        assertThat(notice.get("title").asString()).contains("LOW-1").contains("Item LOW-1");
        assertThat(notice.get("message").asString()).contains("4").contains("Tienda").contains("5");
        assertThat(notice.get("link").asString()).isEqualTo("/inventory/items/" + item + "/kardex");

        // Still low: further issues announce nothing.
        issue(tenant, shop, item, 1);
        issue(tenant, shop, item, 2);
        quietly();
        assertThat(alerts(tenant, tenant.adminId())).isEqualTo(1);
        assertThat(alerts(tenant, manager)).isEqualTo(1);

        // Back above the minimum, then down again: a new crossing, a new alert.
        receive(tenant, shop, item, 10);
        issue(tenant, shop, item, 8);
        awaitAlerts(tenant, tenant.adminId(), 2);
        awaitAlerts(tenant, manager, 2);
        quietly();
        assertThat(alerts(tenant, tenant.adminId())).isEqualTo(2);
        assertThat(alerts(tenant, manager)).isEqualTo(2);
        assertThat(alerts(tenant, unsubscribed)).isZero();
        assertThat(stock.asAdmin(tenant, () -> jdbc.sql("SELECT count(*) FROM low_stock_alerts").query(Long.class).single()))
                .isEqualTo(2);
        // Both events went through the outbox, and each publication was marked complete once delivered.
        assertThat(publications(tenant, true)).isEqualTo(2);
        assertThat(publications(tenant, false)).isZero();
    }

    @Test
    void anEventDeliveredAgainNotifiesNoOne() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "LOW-3", "pcs", new BigDecimal("2"));
        subscribe(tenant.adminKey(), true);
        receive(tenant, shop, item, 5);
        issue(tenant, shop, item, 4);
        awaitAlerts(tenant, tenant.adminId(), 1);

        // As after a restart before the first delivery's completion was recorded: the same event, published again.
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new LowStockReached(tenant.id(), shop, item, BigDecimal.ONE)));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (publications(tenant, true) < 2 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        assertThat(publications(tenant, true)).isEqualTo(2);
        quietly();
        assertThat(alerts(tenant, tenant.adminId())).isEqualTo(1);
    }

    /** The tenant's LowStockReached publications in the event publication registry, completed or not. */
    private long publications(TestFixtures.Tenant tenant, boolean completed) {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE event_type = :type AND serialized_event LIKE :tenant
                          AND (completion_date IS NOT NULL) = :completed""")
                .param("type", LowStockReached.class.getName()).param("tenant", "%" + tenant.id() + "%")
                .param("completed", completed)
                .query(Long.class).single();
    }

    @Test
    void aUserRestrictedToOtherLocationsIsNotTold() {
        var tenant = fixtures.tenant();
        UUID north = stock.location(tenant, "Norte");
        UUID south = stock.location(tenant, "Sur");
        UUID item = stock.item(tenant, "LOW-2", "pcs", new BigDecimal("3"));
        UUID seller = fixtures.user(tenant, "seller@" + tenant.slug() + ".test", "seller");
        stock.asAdmin(tenant, () -> jdbc.sql("INSERT INTO user_locations (tenant_id, user_id, location_id) VALUES (:t, :u, :l)")
                .param("t", tenant.id()).param("u", seller).param("l", north).update());
        String sellerKey = fixtures.apiKey(tenant, seller, Set.of("inventory.read"), List.of("inventory.read"));
        subscribe(sellerKey, true);
        subscribe(tenant.adminKey(), true);

        receive(tenant, south, item, 5);
        issue(tenant, south, item, 3);
        awaitAlerts(tenant, tenant.adminId(), 1);
        receive(tenant, north, item, 5);
        issue(tenant, north, item, 3);
        awaitAlerts(tenant, tenant.adminId(), 2);
        awaitAlerts(tenant, seller, 1);
        quietly();
        assertThat(alerts(tenant, seller)).isEqualTo(1);
        assertThat(alerts(tenant, tenant.adminId())).isEqualTo(2);
    }

    @Test
    void subscriptionsAreTheCallersOwn() {
        var tenant = fixtures.tenant();
        var initial = api.get(tenant.adminKey(), "/api/v1/me/alert-subscriptions");
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.json().get("subscriptions").get(0).get("alertType").asString()).isEqualTo("low_stock");
        assertThat(initial.json().get("subscriptions").get(0).get("active").asBoolean()).isFalse();

        var on = subscribe(tenant.adminKey(), true);
        assertThat(on.json().get("subscriptions").get(0).get("active").asBoolean()).isTrue();
        UUID other = fixtures.user(tenant, "other@" + tenant.slug() + ".test", "viewer");
        String otherKey = fixtures.apiKey(tenant, other, Set.of("*.read"), List.of("*.read"));
        assertThat(api.get(otherKey, "/api/v1/me/alert-subscriptions").json().get("subscriptions").get(0)
                .get("active").asBoolean()).isFalse();

        var unknown = api.put(tenant.adminKey(), "/api/v1/me/alert-subscriptions",
                Map.of("subscriptions", List.of(Map.of("alertType", "weather", "active", true))), Map.of());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(api.get(null, "/api/v1/me/alert-subscriptions").status()).isEqualTo(401);
    }

    private Api.Response subscribe(String key, boolean active) {
        var response = api.put(key, "/api/v1/me/alert-subscriptions",
                Map.of("subscriptions", List.of(Map.of("alertType", "low_stock", "active", active))), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private void receive(TestFixtures.Tenant tenant, UUID location, UUID item, int quantity) {
        var response = api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity, "unitCost", 2))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private void issue(TestFixtures.Tenant tenant, UUID location, UUID item, int quantity) {
        var response = api.post(tenant.adminKey(), "/api/v1/stock/issues", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private long alerts(TestFixtures.Tenant tenant, UUID user) {
        return stock.asAdmin(tenant, () -> jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u AND type = 'alert'")
                .param("u", user).query(Long.class).single());
    }

    /** The listener is asynchronous: poll until the count is reached (the exact count is asserted afterwards). */
    private void awaitAlerts(TestFixtures.Tenant tenant, UUID user, long expected) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (alerts(tenant, user) < expected && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
        }
        assertThat(alerts(tenant, user)).as("alerts for " + user).isGreaterThanOrEqualTo(expected);
    }

    /** Time for an extra, wrong alert to arrive, so that an exact count can catch it. */
    private static void quietly() {
        sleep(QUIET);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
