package dev.bodega.purchasing;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-up company with a warehouse and a supplier, and helpers to order and receive through the API. */
final class Buyer {

    final TestFixtures.Tenant tenant;
    final UUID warehouse;
    final UUID supplier;
    private final StockFixtures stock;
    private final StockPostings postings;
    private final JdbcClient jdbc;
    private final Api api;

    private Buyer(TestFixtures.Tenant tenant, UUID warehouse, UUID supplier, StockFixtures stock,
                  StockPostings postings, JdbcClient jdbc, Api api) {
        this.tenant = tenant;
        this.warehouse = warehouse;
        this.supplier = supplier;
        this.stock = stock;
        this.postings = postings;
        this.jdbc = jdbc;
        this.api = api;
    }

    static Buyer open(TestFixtures fixtures, StockFixtures stock, StockPostings postings, JdbcClient jdbc, Api api) {
        TestFixtures.Tenant tenant = fixtures.tenant();
        UUID warehouse = stock.location(tenant, "Bodega principal");
        Buyer buyer = new Buyer(tenant, warehouse, null, stock, postings, jdbc, api);
        return new Buyer(tenant, warehouse, buyer.supplier("Proveedora Andina"), stock, postings, jdbc, api);
    }

    UUID supplier(String name) {
        Api.Response created = api.post(tenant.adminKey(), "/api/v1/suppliers", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** A piece item (cost price 1.00) with {@code onHand} units received at {@code cost} into the warehouse. */
    UUID item(String sku, String onHand, String cost) {
        UUID item = stock.item(tenant, sku, "pcs", BigDecimal.ZERO);
        if (new BigDecimal(onHand).signum() > 0) {
            TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                    "receipt", "test", null, null, null, List.of(StockPostings.Line.in(warehouse, item,
                    MovementType.RECEIPT, new BigDecimal(onHand), new BigDecimal(cost))))));
        }
        return item;
    }

    /** A draft order to {@link #supplier}: item, quantity, unit cost, ... */
    Map<String, Object> order(Object... itemQuantityCost) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < itemQuantityCost.length; i += 3) {
            lines.add(Map.of("itemId", itemQuantityCost[i], "quantity", itemQuantityCost[i + 1],
                    "unitCost", itemQuantityCost[i + 2]));
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("supplierId", supplier);
        order.put("locationId", warehouse);
        order.put("lines", lines);
        return order;
    }

    JsonNode create(Map<String, Object> order) {
        Api.Response created = api.post(tenant.adminKey(), "/api/v1/purchasing/orders", order);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Creates and sends an order; returns it as sent. */
    JsonNode sent(Map<String, Object> order) {
        String id = create(order).get("id").asString();
        Api.Response sent = api.post(tenant.adminKey(), "/api/v1/purchasing/orders/" + id + "/send", null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        return sent.json();
    }

    /** A delivery body: the order's line at position 1, 2... and its quantity, in pairs. */
    static Map<String, Object> delivery(JsonNode order, Object... positionQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < positionQuantity.length; i += 2) {
            int position = (Integer) positionQuantity[i];
            lines.add(Map.of("lineId", order.get("lines").get(position - 1).get("id").asString(),
                    "quantity", positionQuantity[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", lines);
        return body;
    }

    Api.Response receive(JsonNode order, Map<String, Object> delivery, String key) {
        return api.send(tenant.adminKey(), "POST", "/api/v1/purchasing/orders/" + order.get("id").asString()
                + "/receipts", delivery, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    JsonNode get(JsonNode order) {
        return api.get(tenant.adminKey(), "/api/v1/purchasing/orders/" + order.get("id").asString()).json();
    }

    BigDecimal onHand(UUID item) {
        return stock.onHand(tenant, warehouse, item);
    }

    BigDecimal averageCost(UUID item) {
        return query("SELECT avg_cost FROM stock_levels WHERE location_id = :l AND item_id = :i",
                Map.of("l", warehouse, "i", item), BigDecimal.class);
    }

    long ledgerMismatches() {
        return stock.ledgerMismatches(tenant);
    }

    <T> T query(String sql, Map<String, ?> params, Class<T> type) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).params(params).query(type).single());
    }

    void sql(String sql, Map<String, ?> params) {
        stock.asAdmin(tenant, () -> jdbc.sql(sql).params(params).update());
    }
}
