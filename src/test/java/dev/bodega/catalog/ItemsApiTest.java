package dev.bodega.catalog;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class ItemsApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    static Map<String, Object> item(String sku, String name) {
        Map<String, Object> item = new HashMap<>();
        item.put("sku", sku);
        item.put("name", name);
        item.put("costPrice", "10.00");
        item.put("salePrice", "15.50");
        return item;
    }

    @Test
    void createGetAndUpdateWithIfMatchRecordingPriceChangesWithTheUser() {
        var tenant = fixtures.tenant();
        Map<String, Object> body = item("TH-M6-20", "Tornillo hexagonal M6 x 20 mm");
        body.put("barcode", "7701234567895");
        body.put("brand", "Fijaciones Andina");
        body.put("minStock", 10);
        body.put("maxStock", 100);
        body.put("imageUrls", List.of("https://img.example/th-m6.jpg"));
        var created = api.post(tenant.adminKey(), "/api/v1/items", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("etag")).isEqualTo("\"0\"");
        assertThat(created.json().get("kind").asString()).isEqualTo("consumable");
        assertThat(created.json().get("unitCode").asString()).isEqualTo("pcs");
        assertThat(created.json().get("unitDecimals").asInt()).isZero();

        var fetched = api.get(tenant.adminKey(), "/api/v1/items/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("etag")).isEqualTo("\"0\"");
        assertThat(fetched.json().get("salePrice").decimalValue()).isEqualByComparingTo("15.50");

        body.put("salePrice", "17.25");
        assertThat(api.put(tenant.adminKey(), "/api/v1/items/" + id, body, Map.of()).status()).isEqualTo(428);
        var updated = api.put(tenant.adminKey(), "/api/v1/items/" + id, body, Map.of("If-Match", "\"0\""));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("etag")).isEqualTo("\"1\"");
        assertThat(updated.json().get("salePrice").decimalValue()).isEqualByComparingTo("17.25");
        var stale = api.put(tenant.adminKey(), "/api/v1/items/" + id, body, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");

        var history = api.get(tenant.adminKey(), "/api/v1/items/" + id + "/price-history").json().get("items");
        assertThat(history).hasSize(2);
        JsonNode change = history.get(0);
        assertThat(change.get("oldSalePrice").decimalValue()).isEqualByComparingTo("15.50");
        assertThat(change.get("newSalePrice").decimalValue()).isEqualByComparingTo("17.25");
        assertThat(change.get("changedBy").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(change.get("changedByName").asString()).isEqualTo("Admin " + tenant.slug());
        assertThat(history.get(1).get("oldSalePrice")).isNull();

        // Same prices again: no new history row.
        api.put(tenant.adminKey(), "/api/v1/items/" + id, body, Map.of("If-Match", "\"1\""));
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/" + id + "/price-history").json().get("items")).hasSize(2);
    }

    @Test
    void priceHistoryPagesByTimeAndId() {
        var tenant = fixtures.tenant();
        Map<String, Object> body = item("PH-1", "Paged history");
        String id = api.post(tenant.adminKey(), "/api/v1/items", body).json().get("id").asString();
        for (int version = 0; version < 4; version++) {
            body.put("costPrice", String.valueOf(11 + version));
            assertThat(api.put(tenant.adminKey(), "/api/v1/items/" + id, body,
                    Map.of("If-Match", "\"" + version + "\"")).status()).isEqualTo(200);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get(tenant.adminKey(), "/api/v1/items/" + id + "/price-history?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(change -> seen.add(change.get("id").asString()));
            cursor = page.get("nextCursor") == null ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void softDeleteFreesTheSkuAndBarcode() {
        var tenant = fixtures.tenant();
        Map<String, Object> body = item("DEL-1", "To be deleted");
        body.put("barcode", "7700000000017");
        String id = api.post(tenant.adminKey(), "/api/v1/items", body).json().get("id").asString();

        assertThat(api.delete(tenant.adminKey(), "/api/v1/items/" + id).status()).isEqualTo(204);
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/" + id).status()).isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/by-barcode/7700000000017").status()).isEqualTo(404);
        assertThat(api.delete(tenant.adminKey(), "/api/v1/items/" + id).status()).isEqualTo(404);

        var again = api.post(tenant.adminKey(), "/api/v1/items", body);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isNotEqualTo(id);
    }

    @Test
    void skuIsUniqueIgnoringCaseAndBarcodeIsUnique() {
        var tenant = fixtures.tenant();
        Map<String, Object> first = item("Uniq-1", "First");
        first.put("barcode", "7700000000024");
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", first).status()).isEqualTo(201);

        var sameSku = api.post(tenant.adminKey(), "/api/v1/items", item("UNIQ-1", "Second"));
        assertThat(sameSku.status()).isEqualTo(409);
        assertThat(sameSku.json().get("type").asString()).endsWith("/sku-taken");

        Map<String, Object> sameBarcode = item("UNIQ-2", "Third");
        sameBarcode.put("barcode", "7700000000024");
        var refused = api.post(tenant.adminKey(), "/api/v1/items", sameBarcode);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/barcode-taken");

        // Another company may use the same SKU.
        var other = fixtures.tenant();
        assertThat(api.post(other.adminKey(), "/api/v1/items", first).status()).isEqualTo(201);
    }

    @Test
    void barcodeLookupIsExact() {
        var tenant = fixtures.tenant();
        Map<String, Object> body = item("BC-1", "Scanned item");
        body.put("barcode", "7700000000031");
        String id = api.post(tenant.adminKey(), "/api/v1/items", body).json().get("id").asString();

        var found = api.get(tenant.adminKey(), "/api/v1/items/by-barcode/7700000000031");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asString()).isEqualTo(id);
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/by-barcode/770000000003").status()).isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/by-barcode/9999999999999").status()).isEqualTo(404);
    }

    @Test
    void invalidItemsAreAValidationProblemListingEachField() {
        var tenant = fixtures.tenant();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "");
        body.put("kind", "gadget");
        body.put("costPrice", "-1");
        body.put("salePrice", "1.234");
        body.put("supplierDeliveryDays", -2);
        var refused = api.post(tenant.adminKey(), "/api/v1/items", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(fields(refused.json())).contains("sku", "name", "kind", "costPrice", "salePrice",
                "supplierDeliveryDays");

        Map<String, Object> rules = item("RULES-1", "Rules");
        rules.put("unitCode", "parsec");
        rules.put("minStock", 10);
        rules.put("maxStock", 5);
        rules.put("imageUrls", List.of("ftp://example.com/a.png", "javascript:alert(1)"));
        var broken = api.post(tenant.adminKey(), "/api/v1/items", rules);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("type").asString()).endsWith("/validation");
        assertThat(fields(broken.json())).containsExactlyInAnyOrder("unitCode", "maxStock", "imageUrls", "imageUrls");

        Map<String, Object> decimals = item("RULES-2", "Cable");
        decimals.put("kind", "bulk_material");
        decimals.put("unitCode", "m");
        decimals.put("minStock", "1.255");
        var tooPrecise = api.post(tenant.adminKey(), "/api/v1/items", decimals);
        assertThat(fields(tooPrecise.json())).containsExactly("minStock");
        decimals.put("minStock", "1.25");
        var bulk = api.post(tenant.adminKey(), "/api/v1/items", decimals);
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(201);
        assertThat(bulk.json().get("unitDecimals").asInt()).isEqualTo(2);

        Map<String, Object> consumableInMetres = item("RULES-3", "Consumable in metres");
        consumableInMetres.put("unitCode", "m");
        assertThat(fields(api.post(tenant.adminKey(), "/api/v1/items", consumableInMetres).json()))
                .containsExactly("unitCode");

        Map<String, Object> unknownCategory = item("RULES-4", "Nowhere");
        unknownCategory.put("categoryId", UUID.randomUUID().toString());
        assertThat(fields(api.post(tenant.adminKey(), "/api/v1/items", unknownCategory).json()))
                .containsExactly("categoryId");
    }

    @Test
    void theTenantsItemLimitIsEnforcedOnCreate() throws Exception {
        var tenant = fixtures.tenant();
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", item("LIM-1", "One")).status()).isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", item("LIM-2", "Two")).status()).isEqualTo(201);
        setMaxItems(fixtures, tenant, 2);

        var refused = api.post(tenant.adminKey(), "/api/v1/items", item("LIM-3", "Three"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/max-items");

        String id = api.get(tenant.adminKey(), "/api/v1/items").json().get("items").get(0).get("id").asString();
        api.delete(tenant.adminKey(), "/api/v1/items/" + id);
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", item("LIM-3", "Three")).status()).isEqualTo(201);
    }

    @Test
    void unitsAreListedWithTheirDecimals() {
        var tenant = fixtures.tenant();
        var units = api.get(tenant.adminKey(), "/api/v1/units").json().get("items");
        Map<String, Integer> decimals = new HashMap<>();
        units.forEach(unit -> decimals.put(unit.get("code").asString(), unit.get("decimals").asInt()));
        assertThat(decimals).containsEntry("pcs", 0).containsEntry("kg", 3).containsEntry("m", 2).containsEntry("gal", 3);
    }

    @Test
    void readersCannotWrite() {
        var tenant = fixtures.tenant();
        UUID viewer = fixtures.user(tenant, "viewer@" + tenant.slug() + ".test", "viewer");
        String key = fixtures.apiKey(tenant, viewer, java.util.Set.of("*.read", "apikeys.use"), List.of("*.read"));
        assertThat(api.get(key, "/api/v1/items").status()).isEqualTo(200);
        assertThat(api.post(key, "/api/v1/items", item("RO-1", "Read only")).status()).isEqualTo(403);
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    static void setMaxItems(TestFixtures fixtures, TestFixtures.Tenant tenant, int max) throws Exception {
        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            assertThat(statement.executeUpdate("UPDATE tenants SET max_items = " + max)).isEqualTo(1);
        }
    }
}
