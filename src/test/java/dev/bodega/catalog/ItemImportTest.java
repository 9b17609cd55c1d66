package dev.bodega.catalog;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.Multipart;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class ItemImportTest {

    private static final String HEADER = "sku,name,unit,kind,cost_price,sale_price,category,barcode,brand,min_stock,max_stock\n";

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    /** Starts an import and waits for it to finish; returns the finished job. */
    private JsonNode importCsv(String key, String csv, String mode) {
        var started = Multipart.upload(api, key, "/api/v1/items/import", Map.of("mode", mode), "items.csv", csv);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("location");
        assertThat(location).isEqualTo("/api/v1/items/import/" + started.json().get("id").asString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = api.get(key, location).json();
            String status = job.get("status").asString();
            if (status.equals("completed") || status.equals("failed")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("The import did not finish in 30 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> skus(String key) {
        List<String> skus = new ArrayList<>();
        api.get(key, "/api/v1/items?limit=200").json().get("items").forEach(i -> skus.add(i.get("sku").asString()));
        return skus;
    }

    private static List<String> errors(JsonNode job) {
        List<String> errors = new ArrayList<>();
        job.get("errors").forEach(e -> errors.add(e.get("line").asLong() + ":"
                + (e.get("column") == null ? "" : e.get("column").asString())));
        return errors;
    }

    @Test
    void allOrNothingWithOneBadRowImportsNothingAndReportsLineColumnAndMessage() {
        var tenant = fixtures.tenant();
        String csv = HEADER
                + "A-1,Tornillo hexagonal M6,pcs,consumable,0.10,0.25,Tornillería/Tornillos,7702000000015,Andina,10,100\n"
                + "A-2,Cable THHN 12 AWG,m,bulk_material,0.50,0.90,Electricidad/Cables,,Centelsa,100.5,1000\n"
                + "A-3,Pintura látex,gal,bulk_material,10,abc,Pinturas,,Pintuco,5,40\n"
                + "A-4,Martillo,pcs,consumable,5,9,Herramientas/Manuales,,Stanley,2,10\n";
        JsonNode job = importCsv(tenant.adminKey(), csv, "all_or_nothing");

        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("mode").asString()).isEqualTo("all_or_nothing");
        assertThat(job.get("rowsRead").asInt()).isEqualTo(4);
        assertThat(job.get("rowsImported").asInt()).isZero();
        assertThat(job.get("errorCount").asInt()).isEqualTo(1);
        JsonNode error = job.get("errors").get(0);
        assertThat(error.get("line").asLong()).isEqualTo(4);
        assertThat(error.get("column").asString()).isEqualTo("sale_price");
        assertThat(error.get("message").asString()).contains("abc");
        assertThat(skus(tenant.adminKey())).isEmpty();
        assertThat(api.get(tenant.adminKey(), "/api/v1/categories").json().get("items"))
                .as("categories created for the rolled-back rows are rolled back too").isEmpty();
    }

    @Test
    void skipInvalidImportsTheGoodRowsAndCreatesCategoryPaths() {
        var tenant = fixtures.tenant();
        String csv = HEADER
                + "B-1,Tornillo hexagonal M8,pcs,consumable,0.12,0.30,Tornillería/Tornillos,,Andina,10,100\n"
                + ",Sin SKU,pcs,consumable,1,2,,,,,\n"
                + "B-3,Cable,m,bulk_material,0.5,0.9,Electricidad/Cables,,,1.234,\n"
                + "\n"
                + "B-4,Brocha 2 pulgadas,pcs,consumable,1,2,Pinturas/Accesorios,,,5,2\n"
                + "B-5,Llave,pcs,consumable,1,2,Herramientas/Manuales,,,,\n"
                + "b-1,Repetido,pcs,consumable,1,2,,,,,\n"
                + "B-6,Medio tornillo,pcs,consumable,1,2,,,,1.5,\n"
                + "B-7,Metros consumibles,m,consumable,1,2,,,,,\n"
                + "B-8,Unidad rara,parsec,bulk_material,1,2,,,,,\n";
        JsonNode job = importCsv(tenant.adminKey(), csv, "skip_invalid");

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("rowsRead").asInt()).isEqualTo(9);
        assertThat(job.get("rowsImported").asInt()).isEqualTo(2);
        assertThat(errors(job)).containsExactly("3:sku", "4:min_stock", "6:max_stock", "8:sku", "9:min_stock",
                "10:unit", "11:unit");
        assertThat(skus(tenant.adminKey())).containsExactlyInAnyOrder("B-1", "B-5");

        List<String> paths = new ArrayList<>();
        api.get(tenant.adminKey(), "/api/v1/categories").json().get("items").forEach(c -> paths.add(c.get("path").asString()));
        assertThat(paths).containsExactly("Herramientas", "Herramientas/Manuales", "Tornillería", "Tornillería/Tornillos");
    }

    @Test
    void importUpsertsBySkuAndRecordsPriceChanges() {
        var tenant = fixtures.tenant();
        var existing = api.post(tenant.adminKey(), "/api/v1/items", ItemsApiTest.item("UP-1", "Antes"));
        String id = existing.json().get("id").asString();

        JsonNode job = importCsv(tenant.adminKey(), HEADER
                + "up-1,Después,pcs,consumable,11.00,16.00,Herramientas,7702000000022,Stanley,1,5\n"
                + "UP-2,Nuevo,pcs,consumable,1,2,Herramientas,,,,\n", "all_or_nothing");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("rowsImported").asInt()).isEqualTo(2);

        var updated = api.get(tenant.adminKey(), "/api/v1/items/" + id).json();
        assertThat(updated.get("sku").asString()).isEqualTo("up-1");
        assertThat(updated.get("name").asString()).isEqualTo("Después");
        assertThat(updated.get("barcode").asString()).isEqualTo("7702000000022");
        assertThat(updated.get("categoryPath").asString()).isEqualTo("Herramientas");
        assertThat(updated.get("version").asLong()).isEqualTo(1);
        var history = api.get(tenant.adminKey(), "/api/v1/items/" + id + "/price-history").json().get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("newSalePrice").decimalValue()).isEqualByComparingTo("16.00");
        assertThat(history.get(0).get("changedBy").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(skus(tenant.adminKey())).hasSize(2);
    }

    @Test
    void aBarcodeHeldByAnotherItemOrTheItemLimitRefusesTheRow() throws Exception {
        var tenant = fixtures.tenant();
        Map<String, Object> holder = ItemsApiTest.item("HOLD-1", "Holder");
        holder.put("barcode", "7702000000039");
        api.post(tenant.adminKey(), "/api/v1/items", holder);
        ItemsApiTest.setMaxItems(fixtures, tenant, 3);

        JsonNode job = importCsv(tenant.adminKey(), HEADER
                + "C-1,Takes the barcode,pcs,consumable,1,2,,7702000000039,,,\n"
                + "C-2,Fits,pcs,consumable,1,2,,,,,\n"
                + "C-3,Fits too,pcs,consumable,1,2,,,,,\n"
                + "C-4,Over the limit,pcs,consumable,1,2,,,,,\n"
                + "HOLD-1,Holder renamed,pcs,consumable,1,2,,,,,\n"
                + "C-5,Repeats the barcode of line 2,pcs,consumable,1,2,,7702000000039,,,\n", "skip_invalid");
        assertThat(errors(job)).containsExactly("2:barcode", "5:sku", "7:barcode");
        assertThat(skus(tenant.adminKey())).containsExactlyInAnyOrder("HOLD-1", "C-2", "C-3");
    }

    @Test
    void aBarcodeIsFreeOnceItsHolderWasGivenAnotherEarlierInTheSameFile() throws Exception {
        var tenant = fixtures.tenant();
        Map<String, Object> holder = ItemsApiTest.item("HOLD-2", "Holder");
        holder.put("barcode", "7702000000053");
        api.post(tenant.adminKey(), "/api/v1/items", holder);

        JsonNode job = importCsv(tenant.adminKey(), HEADER
                + "C-7,Too early: the holder still has it,pcs,consumable,1,2,,7702000000053,,,\n", "skip_invalid");
        assertThat(errors(job)).containsExactly("2:barcode");
        job = importCsv(tenant.adminKey(), HEADER
                + "HOLD-2,Holder moves to a new code,pcs,consumable,1,2,,7702000000060,,,\n"
                + "C-8,Takes the freed code,pcs,consumable,1,2,,7702000000053,,,\n", "all_or_nothing");
        assertThat(errors(job)).isEmpty();
        assertThat(job.get("rowsImported").asInt()).isEqualTo(2);
        assertThat(skus(tenant.adminKey())).containsExactlyInAnyOrder("HOLD-2", "C-8");
    }

    @Test
    void headerProblemsAreReportedOnLineOne() {
        var tenant = fixtures.tenant();
        JsonNode job = importCsv(tenant.adminKey(), "sku,nombre,price\nX-1,Algo,3\n", "skip_invalid");
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(errors(job)).containsExactlyInAnyOrder("1:nombre", "1:price", "1:name");
        assertThat(skus(tenant.adminKey())).isEmpty();
    }

    @Test
    void aMalformedFileFailsWithTheLineWhereReadingStopped() {
        var tenant = fixtures.tenant();
        JsonNode job = importCsv(tenant.adminKey(), "sku,name\nM-1,Bien\nM-2,\"Sin cerrar\n", "skip_invalid");
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(errors(job)).containsExactly("3:");
        assertThat(skus(tenant.adminKey())).isEmpty();
    }

    @Test
    void aSpreadsheetInSpanishWithSemicolonsAndDecimalCommasIsRead() {
        var tenant = fixtures.tenant();
        JsonNode job = importCsv(tenant.adminKey(), "\uFEFFSKU;Name;Unit;Kind;Sale_Price;Min_Stock;Active\n"
                + "ES-1;Pintura látex blanca;gal;bulk_material;18,50;2,5;sí\n", "all_or_nothing");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        var item = api.get(tenant.adminKey(), "/api/v1/items?q=ES-1").json().get("items").get(0);
        assertThat(item.get("salePrice").decimalValue()).isEqualByComparingTo("18.50");
        assertThat(item.get("minStock").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(item.get("active").asBoolean()).isTrue();
    }

    @Test
    void anExportImportsBackUnchanged() {
        var tenant = fixtures.tenant();
        String tools = api.post(tenant.adminKey(), "/api/v1/categories", Map.of("name", "Herramientas")).json()
                .get("id").asString();
        String manual = api.post(tenant.adminKey(), "/api/v1/categories", Map.of("name", "Manuales", "parentId", tools))
                .json().get("id").asString();
        Map<String, Object> hammer = new HashMap<>(ItemsApiTest.item("EXP-1", "Martillo \"pro\", 16 oz"));
        hammer.putAll(Map.of("categoryId", manual, "barcode", "7702000000046", "brand", "Stanley",
                "description", "Línea 1\nLínea 2", "minStock", 2, "maxStock", 10, "proprietary", true,
                "manufacturerPartNumber", "ST-51-163", "manufacturerDeliveryDays", 30));
        hammer.putAll(Map.of("supplierDeliveryDays", 3, "discontinued", true, "restockEta", "2027-01-15",
                "imageUrls", List.of("https://img.example/a.jpg", "https://img.example/b.jpg"), "active", false));
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", hammer).status()).isEqualTo(201);
        Map<String, Object> cable = new HashMap<>(ItemsApiTest.item("EXP-2", "Cable eléctrico 12 AWG"));
        cable.putAll(Map.of("kind", "bulk_material", "unitCode", "m", "minStock", "100.5"));
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", cable).status()).isEqualTo(201);

        var export = api.get(tenant.adminKey(), "/api/v1/items/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("content-type")).startsWith("text/csv");
        assertThat(export.body()).startsWith(String.join(",", List.of("sku", "name", "description", "barcode")));

        var other = fixtures.tenant();
        JsonNode job = importCsv(other.adminKey(), export.body(), "all_or_nothing");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("rowsImported").asInt()).isEqualTo(2);
        assertThat(api.get(other.adminKey(), "/api/v1/items/export").body()).isEqualTo(export.body());

        // Importing the export into the same company changes nothing but the versions.
        JsonNode again = importCsv(tenant.adminKey(), export.body(), "all_or_nothing");
        assertThat(again.get("status").asString()).isEqualTo("completed");
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/export").body()).isEqualTo(export.body());
    }

    @Test
    void anotherTenantsJobIsNotFoundAndABadModeIsRefused() {
        var tenant = fixtures.tenant();
        JsonNode job = importCsv(tenant.adminKey(), HEADER + "D-1,Uno,pcs,consumable,1,2,,,,,\n", "skip_invalid");
        var other = fixtures.tenant();
        assertThat(api.get(other.adminKey(), "/api/v1/items/import/" + job.get("id").asString()).status()).isEqualTo(404);
        var refused = Multipart.upload(api, tenant.adminKey(), "/api/v1/items/import", Map.of("mode", "maybe"), "x.csv", HEADER);
        assertThat(refused.status()).isEqualTo(400);
    }
}
