package dev.bodega.sales;

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
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-up company with a store, priced items in stock and helpers to sell through the API. */
final class Shop {

    final TestFixtures.Tenant tenant;
    final UUID store;
    private final StockFixtures stock;
    private final StockPostings postings;
    private final JdbcClient jdbc;
    private final Api api;

    private Shop(TestFixtures.Tenant tenant, UUID store, StockFixtures stock, StockPostings postings, JdbcClient jdbc, Api api) {
        this.tenant = tenant;
        this.store = store;
        this.stock = stock;
        this.postings = postings;
        this.jdbc = jdbc;
        this.api = api;
    }

    /** A new company selling in USD with the given tax rate, prices including tax or not. */
    static Shop open(TestFixtures fixtures, StockFixtures stock, StockPostings postings, JdbcClient jdbc, Api api,
                     String taxRate, boolean pricesIncludeTax) {
        TestFixtures.Tenant tenant = fixtures.tenant();
        Shop shop = new Shop(tenant, stock.location(tenant, "Tienda centro"), stock, postings, jdbc, api);
        shop.sql("UPDATE tenants SET tax_rate = :rate, prices_include_tax = :include, currency = 'USD' WHERE id = :id",
                Map.of("rate", new BigDecimal(taxRate), "include", pricesIncludeTax, "id", tenant.id()));
        return shop;
    }

    /** An item with a sale price and {@code onHand} units received at {@code cost}. */
    UUID item(String sku, String salePrice, String onHand, String cost) {
        UUID item = stock.item(tenant, sku, "pcs", BigDecimal.ZERO);
        sql("UPDATE items SET sale_price = :price WHERE id = :id", Map.of("price", new BigDecimal(salePrice), "id", item));
        if (new BigDecimal(onHand).signum() > 0) {
            receive(store, item, onHand, cost);
        }
        return item;
    }

    void receive(UUID location, UUID item, String quantity, String cost) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(StockPostings.Line.in(location, item, MovementType.RECEIPT,
                        new BigDecimal(quantity), new BigDecimal(cost))))));
    }

    UUID customer(String document, String name) {
        Api.Response created = api.post(tenant.adminKey(), "/api/v1/customers", Map.of(
                "documentType", "CC", "documentNumber", document, "firstName", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    /** Completes a sale paid in cash with exactly its total (the API gives the total back). */
    JsonNode sell(UUID customer, Map<UUID, Integer> quantities) {
        Api.Response response = api.post(tenant.adminKey(), "/api/v1/sales", sale(customer, quantities, true, "1000000.00"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    Map<String, Object> sale(UUID customer, Map<UUID, Integer> quantities, boolean complete, String cash) {
        List<Map<String, Object>> lines = new ArrayList<>();
        quantities.forEach((item, quantity) -> lines.add(Map.of("itemId", item, "quantity", quantity)));
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("locationId", store);
        if (customer != null) {
            sale.put("customerId", customer);
        }
        sale.put("lines", lines);
        sale.put("complete", complete);
        if (complete) {
            sale.put("payments", List.of(Map.of("method", "cash", "amount", cash)));
        }
        return sale;
    }

    BigDecimal onHand(UUID item) {
        return stock.onHand(tenant, store, item);
    }

    long ledgerMismatches() {
        return stock.ledgerMismatches(tenant);
    }

    JsonNode customerJson(UUID customer) {
        return api.get(tenant.adminKey(), "/api/v1/customers/" + customer).json();
    }

    <T> T query(String sql, Map<String, ?> params, Class<T> type) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).params(params).query(type).single());
    }

    <T> List<T> list(String sql, Map<String, ?> params, Class<T> type) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).params(params).query(type).list());
    }

    /** One row of a query as the admin (column name → value). */
    Map<String, Object> row(String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query().singleRow());
    }

    void sql(String sql, Map<String, ?> params) {
        stock.asAdmin(tenant, () -> jdbc.sql(sql).params(params).update());
    }

    static Map<UUID, Integer> lines(Object... itemsAndQuantities) {
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < itemsAndQuantities.length; i += 2) {
            lines.put((UUID) itemsAndQuantities[i], (Integer) itemsAndQuantities[i + 1]);
        }
        return lines;
    }

    static <T> Callable<T> task(Supplier<T> work) {
        return work::get;
    }
}
