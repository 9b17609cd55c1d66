package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The kárdex: every row of an item in order, with running balances that hold on every page and filter. */
@BodegaTest
class KardexTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;

    TestFixtures.Tenant tenant;
    UUID central;
    UUID workshop;
    UUID item;
    UUID manager;
    String managerKey;

    /** Central +10, workshop +5, central −3, central → workshop 4 (two rows), workshop −2 by the manager: six rows. */
    @BeforeEach
    void moveStock() {
        tenant = fixtures.tenant();
        central = stock.location(tenant, "Central");
        workshop = stock.location(tenant, "Taller");
        item = stock.item(tenant, "KDX-1", "pcs", BigDecimal.ZERO);
        manager = fixtures.user(tenant, "manager@" + tenant.slug() + ".test", "manager");
        managerKey = fixtures.apiKey(tenant, manager, Set.of("inventory.*"), List.of("inventory.*"));

        post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", central, "lines",
                List.of(Map.of("itemId", item, "quantity", 10, "unitCost", 2))));
        post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", workshop, "lines",
                List.of(Map.of("itemId", item, "quantity", 5, "unitCost", 2))));
        post(tenant.adminKey(), "/api/v1/stock/issues", Map.of("locationId", central, "reason", "consumo",
                "lines", List.of(Map.of("itemId", item, "quantity", 3))));
        post(tenant.adminKey(), "/api/v1/stock/transfers", Map.of("fromLocationId", central, "toLocationId", workshop,
                "lines", List.of(Map.of("itemId", item, "quantity", 4))));
        post(managerKey, "/api/v1/stock/issues", Map.of("locationId", workshop,
                "lines", List.of(Map.of("itemId", item, "quantity", 2))));
    }

    @Test
    void balancesRunPerLocationAndOverall() {
        List<JsonNode> rows = kardex("");
        assertThat(rows).hasSize(6);
        assertRunningBalances(rows, BigDecimal.ZERO, new HashMap<>());

        assertThat(rows.get(0).get("movementType").asString()).isEqualTo("receipt");
        assertThat(rows.get(0).get("locationBalance").decimalValue()).isEqualByComparingTo("10");
        assertThat(rows.get(0).get("overallBalance").decimalValue()).isEqualByComparingTo("10");
        assertThat(rows.get(1).get("overallBalance").decimalValue()).isEqualByComparingTo("15");
        assertThat(rows.get(2).get("locationBalance").decimalValue()).isEqualByComparingTo("7");
        assertThat(rows.get(2).get("overallBalance").decimalValue()).isEqualByComparingTo("12");
        assertThat(rows.get(2).get("reason").asString()).isEqualTo("consumo");
        assertThat(rows.get(4).get("overallBalance").decimalValue()).as("a transfer leaves the total as it was")
                .isEqualByComparingTo("12");
        JsonNode last = rows.get(5);
        assertThat(last.get("locationName").asString()).isEqualTo("Taller");
        assertThat(last.get("locationBalance").decimalValue()).isEqualByComparingTo("7");
        assertThat(last.get("overallBalance").decimalValue()).isEqualByComparingTo("10");
        assertThat(last.get("userId").asString()).isEqualTo(manager.toString());
        assertThat(stock.onHand(tenant, central, item)).isEqualByComparingTo("3");
        assertThat(stock.onHand(tenant, workshop, item)).isEqualByComparingTo("7");
    }

    @Test
    void pagesJoinUpToTheWholeKardexWithTheSameBalances() {
        List<JsonNode> all = kardex("");
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(tenant.adminKey(), "/api/v1/items/" + item + "/kardex?limit=4"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(paged::add);
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(paged).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            assertThat(paged.get(i).get("id")).isEqualTo(all.get(i).get("id"));
            assertThat(paged.get(i).get("overallBalance").decimalValue())
                    .isEqualByComparingTo(all.get(i).get("overallBalance").decimalValue());
            assertThat(paged.get(i).get("locationBalance").decimalValue())
                    .isEqualByComparingTo(all.get(i).get("locationBalance").decimalValue());
        }
    }

    @Test
    void filtersKeepTheBalancesOfTheWholeHistory() {
        Map<String, JsonNode> all = new HashMap<>();
        kardex("").forEach(r -> all.put(r.get("id").asString(), r));

        List<JsonNode> atWorkshop = kardex("?locationId=" + workshop);
        assertThat(atWorkshop).extracting(r -> r.get("locationBalance").decimalValue().intValue()).containsExactly(5, 9, 7);
        atWorkshop.forEach(r -> assertThat(r.get("overallBalance").decimalValue())
                .isEqualByComparingTo(all.get(r.get("id").asString()).get("overallBalance").decimalValue()));

        assertThat(kardex("?movementType=issue")).extracting(r -> r.get("quantity").decimalValue().intValue())
                .containsExactly(-3, -2);
        assertThat(kardex("?userId=" + manager)).hasSize(1);
        assertThat(kardex("?userId=" + tenant.adminId())).hasSize(5);
        String today = fixtures.today(tenant).toString();
        assertThat(kardex("?from=" + today + "&to=" + today)).hasSize(6);
        assertThat(kardex("?to=2000-01-31")).isEmpty();
        assertThat(kardex("?from=2999-01-01")).isEmpty();
    }

    @Test
    void unknownItemsAndMovementTypesAreRefused() {
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/" + UUID.randomUUID() + "/kardex").status()).isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/" + item + "/kardex?movementType=theft").status()).isEqualTo(400);
        JsonNode page = api.get(tenant.adminKey(), "/api/v1/items/" + item + "/kardex").json();
        assertThat(page.get("item").get("sku").asString()).isEqualTo("KDX-1");
    }

    /**
     * Each row's balances equal the sums of the quantities before it: at its location, row by row; overall,
     * posting by posting (every row of a posting, such as both legs of a transfer, shows the total after it).
     */
    private static void assertRunningBalances(List<JsonNode> rows, BigDecimal overall, Map<String, BigDecimal> perLocation) {
        Map<String, BigDecimal> afterPosting = new HashMap<>();
        BigDecimal total = overall;
        for (JsonNode row : rows) {
            total = total.add(row.get("quantity").decimalValue());
            afterPosting.put(row.get("postingId").asString(), total);
        }
        for (JsonNode row : rows) {
            BigDecimal quantity = row.get("quantity").decimalValue();
            BigDecimal here = perLocation.merge(row.get("locationId").asString(), quantity, BigDecimal::add);
            assertThat(row.get("overallBalance").decimalValue())
                    .isEqualByComparingTo(afterPosting.get(row.get("postingId").asString()));
            assertThat(row.get("locationBalance").decimalValue()).isEqualByComparingTo(here);
            assertThat(row.get("onHandBefore").decimalValue()).isEqualByComparingTo(here.subtract(quantity));
        }
    }

    private List<JsonNode> kardex(String query) {
        var response = api.get(tenant.adminKey(), "/api/v1/items/" + item + "/kardex" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        response.json().get("items").forEach(rows::add);
        return rows;
    }

    private void post(String key, String path, Map<String, Object> body) {
        var response = api.post(key, path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
