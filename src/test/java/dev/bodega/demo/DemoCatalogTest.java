package dev.bodega.demo;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class DemoCatalogTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired DemoData demo;

    @Test
    void theDemoCompanyGetsARealisticCatalog() throws Exception {
        var tenant = fixtures.tenant();
        demo.fill(tenant.id(), tenant.adminId());

        var categories = api.get(tenant.adminKey(), "/api/v1/categories").json().get("items");
        assertThat(categories.size()).isBetween(12, 25);
        Set<String> paths = new HashSet<>();
        categories.forEach(c -> {
            paths.add(c.get("path").asString());
            assertThat(c.get("depth").asInt()).isLessThanOrEqualTo(1);
        });
        assertThat(paths).contains("Herramientas/Manuales", "Herramientas/Eléctricas", "Repuestos/Motor",
                "Repuestos/Frenos", "Tornillería", "Pinturas");
        assertThat(api.get(tenant.adminKey(), "/api/v1/suppliers").json().get("items")).hasSize(5);

        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            var counts = statement.executeQuery("""
                    SELECT count(*), count(*) FILTER (WHERE kind = 'bulk_material'),
                           count(DISTINCT unit_code) FILTER (WHERE kind = 'bulk_material'),
                           count(*) FILTER (WHERE category_id IS NULL OR sale_price <= cost_price OR max_stock < min_stock),
                           (SELECT count(DISTINCT item_id) FROM item_suppliers)
                    FROM items""");
            counts.next();
            int items = counts.getInt(1);
            assertThat(items).isBetween(250, 400);
            assertThat(counts.getInt(2)).isGreaterThanOrEqualTo(20);
            assertThat(counts.getInt(3)).as("bulk units: kg, m, l, gal").isEqualTo(4);
            assertThat(counts.getInt(4)).isZero();
            assertThat(counts.getInt(5)).as("every item has a supplier").isEqualTo(items);
            var barcodes = statement.executeQuery("SELECT barcode FROM items");
            int checked = 0;
            while (barcodes.next()) {
                assertThat(isEan13(barcodes.getString(1))).as(barcodes.getString(1)).isTrue();
                checked++;
            }
            assertThat(checked).isEqualTo(items);
        }
        var screw = api.get(tenant.adminKey(), "/api/v1/items?q=tornillos%20hexagonales%20M6").json().get("items").get(0);
        assertThat(screw.get("name").asString()).startsWith("Tornillo hexagonal M6");
        var cable = api.get(tenant.adminKey(), "/api/v1/items?q=cable%2012%20AWG&kind=bulk_material").json()
                .get("items").get(0);
        assertThat(cable.get("unitCode").asString()).isEqualTo("m");
    }

    private static boolean isEan13(String code) {
        if (code == null || !code.matches("\\d{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (code.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }
}
