package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stock levels with their status badges, level attributes, valuation, low stock, lookup and exports. */
@BodegaTest
class StockLevelsApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    TestFixtures.Tenant tenant;
    UUID central;
    UUID north;
    UUID bolt;
    UUID washer;
    UUID cement;

    /**
     * Central: 10 bolts (minimum 10 → Bajo), 3 washers (minimum 0 → Alto), 0 kg cement (minimum 5 → Sin stock).
     * North: 15 bolts (≤ 2 × 10 → Normal).
     */
    @BeforeEach
    void stockUp() {
        tenant = fixtures.tenant();
        central = stock.location(tenant, "Central");
        north = stock.location(tenant, "Norte");
        bolt = stock.item(tenant, "BOLT-10", "pcs", new BigDecimal("10"));
        washer = stock.item(tenant, "WASH-1", "pcs", BigDecimal.ZERO);
        cement = stock.item(tenant, "CEM-50", "kg", new BigDecimal("5"));
        receive(central, bolt, "10", "2.50");
        receive(north, bolt, "15", "3.00");
        receive(central, washer, "3", "1.333");
        receive(central, cement, "2.5", "0.80");
        var issue = api.post(tenant.adminKey(), "/api/v1/stock/issues", Map.of("locationId", central,
                "lines", List.of(Map.of("itemId", cement, "quantity", "2.5"))));
        assertThat(issue.status()).as(issue.body()).isEqualTo(201);
    }

    @Test
    void levelsCarryMinimumStatusAndLowStockFlag() {
        Map<String, JsonNode> levels = levels("");
        assertThat(levels).hasSize(4);

        JsonNode centralBolts = levels.get("BOLT-10@Central");
        assertThat(centralBolts.get("onHand").decimalValue()).isEqualByComparingTo("10");
        assertThat(centralBolts.get("minimum").decimalValue()).isEqualByComparingTo("10");
        assertThat(centralBolts.get("status").asString()).isEqualTo("BAJO");
        assertThat(centralBolts.get("lowStock").asBoolean()).isTrue();
        assertThat(centralBolts.get("unit").asString()).isEqualTo("pcs");
        assertThat(centralBolts.get("itemName").asString()).isEqualTo("Item BOLT-10");
        assertThat(centralBolts.get("locationName").asString()).isEqualTo("Central");
        assertThat(centralBolts.get("avgCost").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(centralBolts.get("value").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(centralBolts.get("isNew").asBoolean()).isFalse();

        assertThat(levels.get("BOLT-10@Norte").get("status").asString()).isEqualTo("NORMAL");
        assertThat(levels.get("BOLT-10@Norte").get("lowStock").asBoolean()).isFalse();
        assertThat(levels.get("WASH-1@Central").get("status").asString()).isEqualTo("ALTO");
        assertThat(levels.get("CEM-50@Central").get("status").asString()).isEqualTo("SIN_STOCK");
        assertThat(levels.get("CEM-50@Central").get("lowStock").asBoolean()).isTrue();
    }

    @Test
    void levelsFilterByLocationItemTextStatusAndLowStock() {
        assertThat(levels("?locationId=" + north).keySet()).containsExactly("BOLT-10@Norte");
        assertThat(levels("?itemId=" + bolt).keySet()).containsExactlyInAnyOrder("BOLT-10@Central", "BOLT-10@Norte");
        assertThat(levels("?q=bolt").keySet()).containsExactlyInAnyOrder("BOLT-10@Central", "BOLT-10@Norte");
        assertThat(levels("?status=ALTO").keySet()).containsExactly("WASH-1@Central");
        assertThat(levels("?lowOnly=true").keySet()).containsExactlyInAnyOrder("BOLT-10@Central", "CEM-50@Central");
        assertThat(api.get(tenant.adminKey(), "/api/v1/stock/levels?status=MUCHO").status()).isEqualTo(400);
    }

    @Test
    void levelsPageBySkuThenLocation() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(tenant.adminKey(), "/api/v1/stock/levels?limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(l -> seen.add(key(l)));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(seen).hasSize(4).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 2)).containsExactlyInAnyOrder("BOLT-10@Central", "BOLT-10@Norte");
        assertThat(seen.subList(2, 4)).containsExactly("CEM-50@Central", "WASH-1@Central");
    }

    @Test
    void patchSetsOnlyTheLevelsOwnAttributes() {
        String path = "/api/v1/stock/levels/" + central + "/" + bolt;
        var patched = api.patch(tenant.adminKey(), path, Map.of("minStock", 4, "bin", "A-01-03",
                "countFrequencyDays", 30, "newUntil", "2999-12-31"), Map.of());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("minimum").decimalValue()).isEqualByComparingTo("4");
        assertThat(patched.json().get("minStock").decimalValue()).isEqualByComparingTo("4");
        assertThat(patched.json().get("status").asString()).as("10 > 2 × 4").isEqualTo("ALTO");
        assertThat(patched.json().get("lowStock").asBoolean()).isFalse();
        assertThat(patched.json().get("bin").asString()).isEqualTo("A-01-03");
        assertThat(patched.json().get("countFrequencyDays").asInt()).isEqualTo(30);
        assertThat(patched.json().get("isNew").asBoolean()).isTrue();
        assertThat(patched.json().get("onHand").decimalValue()).isEqualByComparingTo("10");

        var bin = api.patch(tenant.adminKey(), path, Map.of("bin", "B-02"), Map.of());
        assertThat(bin.json().get("minStock").decimalValue()).as("absent fields stay").isEqualByComparingTo("4");
        Map<String, Object> clear = new HashMap<>();
        clear.put("minStock", null);
        clear.put("newUntil", null);
        var cleared = api.patch(tenant.adminKey(), path, clear, Map.of());
        assertThat(cleared.json().has("minStock")).isFalse();
        assertThat(cleared.json().get("minimum").decimalValue()).as("back to the item's minimum").isEqualByComparingTo("10");
        assertThat(cleared.json().get("status").asString()).isEqualTo("BAJO");
        assertThat(cleared.json().get("isNew").asBoolean()).isFalse();
        assertThat(cleared.json().get("bin").asString()).isEqualTo("B-02");
    }

    @Test
    void patchRefusesQuantitiesBadValuesAndUnknownLevels() {
        String path = "/api/v1/stock/levels/" + central + "/" + bolt;
        var onHand = api.patch(tenant.adminKey(), path, Map.of("onHand", 1000), Map.of());
        assertThat(onHand.status()).isEqualTo(400);
        assertThat(onHand.json().get("errors").get(0).get("field").asString()).isEqualTo("onHand");
        assertThat(api.patch(tenant.adminKey(), path, Map.of("minStock", "1.5"), Map.of()).status())
                .as("pieces have no decimals").isEqualTo(400);
        assertThat(api.patch(tenant.adminKey(), path, Map.of("minStock", -1), Map.of()).status()).isEqualTo(400);
        assertThat(api.patch(tenant.adminKey(), path, Map.of("countFrequencyDays", 0), Map.of()).status()).isEqualTo(400);
        assertThat(api.patch(tenant.adminKey(), path, Map.of("newUntil", "soon"), Map.of()).status()).isEqualTo(400);
        assertThat(api.patch(tenant.adminKey(), "/api/v1/stock/levels/" + UUID.randomUUID() + "/" + bolt,
                Map.of("bin", "X"), Map.of()).status()).isEqualTo(404);
        assertThat(api.patch(tenant.adminKey(), "/api/v1/stock/levels/" + central + "/" + UUID.randomUUID(),
                Map.of("bin", "X"), Map.of()).status()).isEqualTo(404);
        assertThat(stock.onHand(tenant, central, bolt)).isEqualByComparingTo("10");
    }

    @Test
    void patchingAnItemNeverStockedThereCreatesAnEmptyLevel() {
        var created = api.patch(tenant.adminKey(), "/api/v1/stock/levels/" + north + "/" + washer,
                Map.of("minStock", 2, "bin", "N-1"), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("onHand").decimalValue()).isEqualByComparingTo("0");
        assertThat(created.json().get("status").asString()).isEqualTo("SIN_STOCK");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void valuationIsQuantityTimesAverageCostPerLocationAndInTotal() {
        JsonNode valuation = api.get(tenant.adminKey(), "/api/v1/reports/stock-valuation").json();
        Map<String, JsonNode> byName = new HashMap<>();
        valuation.get("locations").forEach(l -> byName.put(l.get("locationName").asString(), l));
        // 10 × 2.50 + 3 × 1.3330 (3.999 → 4.00) + 0 × 0.80
        assertThat(byName.get("Central").get("value").decimalValue()).isEqualByComparingTo("29.00");
        assertThat(byName.get("Central").get("items").asInt()).isEqualTo(2);
        assertThat(byName.get("Norte").get("value").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(valuation.get("total").decimalValue()).isEqualByComparingTo("74.00");
        assertThat(valuation.get("currency").asString()).isEqualTo("USD");

        JsonNode north = api.get(tenant.adminKey(), "/api/v1/reports/stock-valuation?locationId=" + this.north).json();
        assertThat(north.get("locations")).hasSize(1);
        assertThat(north.get("total").decimalValue()).isEqualByComparingTo("45.00");
    }

    @Test
    void lowStockListsLevelsAtOrBelowTheirMinimumEmptiestFirst() {
        JsonNode report = api.get(tenant.adminKey(), "/api/v1/reports/low-stock").json();
        List<String> rows = new ArrayList<>();
        report.get("items").forEach(r -> rows.add(key(r)));
        assertThat(rows).containsExactly("CEM-50@Central", "BOLT-10@Central");
        JsonNode cement = report.get("items").get(0);
        assertThat(cement.get("shortfall").decimalValue()).isEqualByComparingTo("5");
        assertThat(cement.get("status").asString()).isEqualTo("SIN_STOCK");
        assertThat(report.get("items").get(1).get("status").asString()).isEqualTo("BAJO");

        JsonNode first = api.get(tenant.adminKey(), "/api/v1/reports/low-stock?limit=1").json();
        assertThat(key(first.get("items").get(0))).isEqualTo("CEM-50@Central");
        JsonNode second = api.get(tenant.adminKey(), "/api/v1/reports/low-stock?limit=1&cursor="
                + first.get("nextCursor").asString()).json();
        assertThat(key(second.get("items").get(0))).isEqualTo("BOLT-10@Central");
        assertThat(second.has("nextCursor")).isFalse();

        assertThat(api.get(tenant.adminKey(), "/api/v1/reports/low-stock?locationId=" + north).json().get("items")).isEmpty();
    }

    @Test
    void stockByItemSumsAcrossLocations() {
        JsonNode report = api.get(tenant.adminKey(), "/api/v1/reports/stock-by-item?q=bolt").json();
        assertThat(report.get("items")).hasSize(1);
        JsonNode bolts = report.get("items").get(0);
        assertThat(bolts.get("total").decimalValue()).isEqualByComparingTo("25");
        assertThat(bolts.get("value").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(bolts.get("locations")).hasSize(2);
        assertThat(bolts.get("locations").get(0).get("locationName").asString()).isEqualTo("Central");
    }

    @Test
    void lookupFindsAnItemByBarcodeOrSku() {
        stock.asAdmin(tenant, () -> jdbc.sql("UPDATE items SET barcode = '7701234567890' WHERE id = :id")
                .param("id", washer).update());
        var byBarcode = api.get(tenant.adminKey(), "/api/v1/stock/lookup?code=7701234567890");
        assertThat(byBarcode.status()).isEqualTo(200);
        assertThat(byBarcode.json().get("id").asString()).isEqualTo(washer.toString());
        assertThat(byBarcode.json().get("decimals").asInt()).isZero();
        var bySku = api.get(tenant.adminKey(), "/api/v1/stock/lookup?code=cem-50");
        assertThat(bySku.json().get("id").asString()).isEqualTo(cement.toString());
        assertThat(bySku.json().get("unit").asString()).isEqualTo("kg");
        assertThat(bySku.json().get("decimals").asInt()).isEqualTo(3);
        assertThat(api.get(tenant.adminKey(), "/api/v1/stock/lookup?code=NOPE").status()).isEqualTo(404);
    }

    @Test
    void aPostingShowsItsLedgerRows() {
        var transfer = api.post(tenant.adminKey(), "/api/v1/stock/transfers", Map.of("fromLocationId", north,
                "toLocationId", central, "lines", List.of(Map.of("itemId", bolt, "quantity", 5))));
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        String id = transfer.json().get("postingId").asString();
        JsonNode posting = api.get(tenant.adminKey(), "/api/v1/stock/postings/" + id).json();
        assertThat(posting.get("kind").asString()).isEqualTo("transfer");
        assertThat(posting.get("rows")).hasSize(2);
        Map<String, JsonNode> rows = new HashMap<>();
        posting.get("rows").forEach(r -> rows.put(r.get("movementType").asString(), r));
        assertThat(rows.get("transfer_out").get("quantity").decimalValue()).isEqualByComparingTo("-5");
        assertThat(rows.get("transfer_out").get("onHandAfter").decimalValue()).isEqualByComparingTo("10");
        assertThat(rows.get("transfer_in").get("onHandAfter").decimalValue()).isEqualByComparingTo("15");
        assertThat(rows.get("transfer_in").get("sku").asString()).isEqualTo("BOLT-10");
        assertThat(api.get(tenant.adminKey(), "/api/v1/stock/postings/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void levelsAndMovementsExportAsCsv() {
        var levels = api.send(tenant.adminKey(), "GET", "/api/v1/stock/levels/export?locationId=" + central, null,
                Map.of("Accept", "text/csv"));
        assertThat(levels.status()).isEqualTo(200);
        assertThat(levels.header("content-type")).startsWith("text/csv");
        String[] lines = levels.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("location,sku,item,unit,on_hand,minimum,status,bin,count_frequency_days,new_until,avg_cost,value");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).isEqualTo("Central,BOLT-10,Item BOLT-10,pcs,10.000,10.000,BAJO,,,,2.5000,25.00");

        var movements = api.send(tenant.adminKey(), "GET", "/api/v1/stock/movements/export?locationId=" + north,
                null, Map.of("Accept", "text/csv"));
        String[] rows = movements.body().split("\r\n");
        assertThat(rows[0]).startsWith("created_at,posting_id,location,sku,item,movement_type,quantity");
        assertThat(rows).hasSize(2);
        assertThat(rows[1]).contains(",Norte,BOLT-10,Item BOLT-10,receipt,15.000,3.0000,0.000,15.000,");
        String today = fixtures.today(tenant).toString();
        assertThat(api.send(tenant.adminKey(), "GET", "/api/v1/stock/movements/export?to=2000-01-01", null,
                Map.of("Accept", "text/csv")).body().split("\r\n")).hasSize(1);
        assertThat(api.send(tenant.adminKey(), "GET", "/api/v1/stock/movements/export?from=" + today + "&to=" + today,
                null, Map.of("Accept", "text/csv")).body().split("\r\n")).hasSize(6);
    }

    private Map<String, JsonNode> levels(String query) {
        var response = api.get(tenant.adminKey(), "/api/v1/stock/levels" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> levels = new HashMap<>();
        response.json().get("items").forEach(l -> levels.put(key(l), l));
        return levels;
    }

    private static String key(JsonNode level) {
        return level.get("sku").asString() + "@" + level.get("locationName").asString();
    }

    private void receive(UUID location, UUID item, String quantity, String cost) {
        var response = api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity, "unitCost", cost))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
