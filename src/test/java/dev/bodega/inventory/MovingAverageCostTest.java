package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving-average unit cost per (location, item): receipts average in, everything else carries the average. */
@BodegaTest
class MovingAverageCostTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;

    @Test
    void receiptsAverageIssuesKeepTheAverageTransfersCarryIt() {
        var tenant = fixtures.tenant();
        UUID central = stock.location(tenant, "Central");
        UUID branch = stock.location(tenant, "Sucursal");
        UUID item = stock.item(tenant, "AVG-1", "pcs", BigDecimal.ZERO);

        receive(tenant, central, item, 10, "2.00");
        receive(tenant, central, item, 30, "4.00");
        assertThat(avgCost(tenant, central, item)).isEqualByComparingTo("3.5000");

        JsonNode issue = post(tenant, "/api/v1/stock/issues", Map.of("locationId", central,
                "lines", List.of(Map.of("itemId", item, "quantity", 5))));
        assertThat(issue.get("entries").get(0).get("unitCost").decimalValue()).isEqualByComparingTo("3.5000");
        assertThat(avgCost(tenant, central, item)).isEqualByComparingTo("3.5000");

        receive(tenant, branch, item, 10, "5.00");
        JsonNode transfer = post(tenant, "/api/v1/stock/transfers", Map.of("fromLocationId", central,
                "toLocationId", branch, "lines", List.of(Map.of("itemId", item, "quantity", 10))));
        Map<String, JsonNode> rows = new HashMap<>();
        transfer.get("entries").forEach(e -> rows.put(e.get("movementType").asString(), e));
        assertThat(rows.get("TRANSFER_OUT").get("unitCost").decimalValue()).isEqualByComparingTo("3.5000");
        assertThat(rows.get("TRANSFER_IN").get("unitCost").decimalValue()).as("arrives at the source's average")
                .isEqualByComparingTo("3.5000");
        assertThat(avgCost(tenant, central, item)).isEqualByComparingTo("3.5000");
        // (10 × 5.00 + 10 × 3.50) / 20
        assertThat(avgCost(tenant, branch, item)).isEqualByComparingTo("4.2500");
        assertThat(stock.onHand(tenant, central, item)).isEqualByComparingTo("25");
        assertThat(stock.onHand(tenant, branch, item)).isEqualByComparingTo("20");

        JsonNode valuation = api.get(tenant.adminKey(), "/api/v1/reports/stock-valuation").json();
        // 25 × 3.50 + 20 × 4.25
        assertThat(valuation.get("total").decimalValue()).isEqualByComparingTo("172.50");
    }

    @Test
    void anEmptiedLevelTakesTheNextReceiptsCostAndAReceiptWithoutCostKeepsTheAverage() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "AVG-2", "kg", BigDecimal.ZERO);
        receive(tenant, shop, item, 3, "7.00");
        post(tenant, "/api/v1/stock/issues", Map.of("locationId", shop, "lines", List.of(Map.of("itemId", item, "quantity", 3))));
        receive(tenant, shop, item, 2, "9.00");
        assertThat(avgCost(tenant, shop, item)).isEqualByComparingTo("9.0000");

        post(tenant, "/api/v1/stock/receipts", Map.of("locationId", shop,
                "lines", List.of(Map.of("itemId", item, "quantity", "1.5"))));
        assertThat(avgCost(tenant, shop, item)).isEqualByComparingTo("9.0000");
        receive(tenant, shop, item, 1, "1.00");
        // (3.5 × 9 + 1 × 1) / 4.5 = 7.2222…
        assertThat(avgCost(tenant, shop, item)).isEqualByComparingTo("7.2222");
    }

    private BigDecimal avgCost(TestFixtures.Tenant tenant, UUID location, UUID item) {
        JsonNode levels = api.get(tenant.adminKey(), "/api/v1/stock/levels?locationId=" + location + "&itemId=" + item)
                .json().get("items");
        assertThat(levels).hasSize(1);
        return levels.get(0).get("avgCost").decimalValue();
    }

    private void receive(TestFixtures.Tenant tenant, UUID location, UUID item, int quantity, String cost) {
        post(tenant, "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity, "unitCost", cost))));
    }

    private JsonNode post(TestFixtures.Tenant tenant, String path, Map<String, Object> body) {
        var response = api.post(tenant.adminKey(), path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
