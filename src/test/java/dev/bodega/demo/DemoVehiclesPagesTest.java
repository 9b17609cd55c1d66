package dev.bodega.demo;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company's vehicle models and orders (one at every level), seen through the pages: models with their
 * parts, the catalog by model, an order moved on its page, its tracking link, and the users page's join link.
 */
@BodegaTest
class DemoVehiclesPagesTest {

    @Autowired Api api;

    @Test
    void theDemoVehiclesAreOnThePages() {
        var admin = WebSession.signedIn(api.baseUrl(), "demo", "admin@demo.bodega", "bodega-demo");
        var orders = admin.get("/sales/vehicle-orders");
        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.body()).contains("VH-1001", "VH-1002", "VH-1003", "VH-1004", "En tránsito", "Entregado");

        var models = admin.get("/catalog/vehicle-models");
        assertThat(models.body()).contains("Scooter Urbano S1", "Scooter Falcon 800", "Moto E-Cargo");
        String model = models.find("href=\"/catalog/vehicle-models/([0-9a-f-]{36})\"");
        assertThat(admin.get("/catalog/vehicle-models/" + model).find("id=\"fit-([0-9a-f-]{36})\"")).isNotNull();
        var byModel = admin.get("/catalog/items?model=" + model);
        assertThat(byModel.status()).isEqualTo(200);
        String item = byModel.find("href=\"/catalog/items/([0-9a-f-]{36})\"");
        assertThat(admin.get("/catalog/items/" + item).body()).contains("id=\"item-vehicle-models\"");

        String newOrder = admin.post("/sales/vehicle-orders", Map.of("number", "VH-PAGE-1", "modelId", model,
                "contactEmail", "page@example.com", "orderDate", "2026-05-01", "estimatedDelivery", "2026-06-01"))
                .locationPath();
        assertThat(newOrder).startsWith("/sales/vehicle-orders/");
        var detail = admin.get(newOrder);
        assertThat(admin.post(newOrder + "/level", Map.of("level", "3")).status()).isEqualTo(302);
        assertThat(admin.get(newOrder).body()).as("a skipped level is refused in words")
                .contains("id=\"vehicle-order-error\"");
        admin.post(newOrder + "/level", Map.of("level", "2"));
        String tracking = admin.get(newOrder).find("id=\"tracking-url\" readonly size=\"70\" value=\"[^\"]*(/track/[^\"]+)\"");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(tracking).isNotNull();
        assertThat(new WebSession(api.baseUrl()).get(tracking).body()).contains("VH-PAGE-1")
                .contains("aria-current=\"step\" class=\"done\">En tránsito");

        var users = admin.get("/users");
        assertThat(users.find("id=\"join-link-url\" readonly value=\"[^\"]*(/join/[0-9a-f]+)\"")).isNotNull();
        assertThat(admin.get("/profile").body()).contains("id=\"subscriptions-form\"");
    }
}
