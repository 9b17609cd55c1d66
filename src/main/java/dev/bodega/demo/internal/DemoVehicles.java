package dev.bodega.demo.internal;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.CatalogSetup;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.sales.VehicleOrderDesk;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Seed 003's vehicles: three models with the parts that fit them, and customer orders at every level. */
@Component
class DemoVehicles {

    private final CatalogSetup catalog;
    private final CatalogItems items;
    private final VehicleOrderDesk orders;
    private final DemoScope scope;

    DemoVehicles(CatalogSetup catalog, CatalogItems items, VehicleOrderDesk orders, DemoScope scope) {
        this.catalog = catalog;
        this.items = items;
        this.orders = orders;
        this.scope = scope;
    }

    void seed(UUID tenantId, UUID adminUserId) {
        scope.run(tenantId, adminUserId, () -> {
            List<UUID> parts = items.active().stream().map(ItemInfo::id).limit(9).toList();
            Map<String, UUID> models = catalog.createVehicleModels(List.of(
                    new CatalogSetup.NewVehicleModel("Scooter Urbano S1", "350 W", "Scooter eléctrico de ciudad, 36 V",
                            parts.subList(0, Math.min(4, parts.size()))),
                    new CatalogSetup.NewVehicleModel("Scooter Falcon 800", "800 W", "Scooter de largo alcance, 48 V",
                            parts.subList(Math.min(2, parts.size()), Math.min(7, parts.size()))),
                    new CatalogSetup.NewVehicleModel("Moto E-Cargo", "1500 W", "Moto eléctrica de reparto",
                            parts.subList(Math.min(5, parts.size()), parts.size()))));
            LocalDate today = LocalDate.now();
            UUID s1 = models.get("Scooter Urbano S1");
            UUID falcon = models.get("Scooter Falcon 800");
            order("VH-1001", s1, "+57 300 555 0101", "laura.gomez@example.com", today.minusDays(30), 1);
            order("VH-1002", falcon, "+57 301 555 0102", "andres.perez@example.com", today.minusDays(20), 2);
            order("VH-1003", models.get("Moto E-Cargo"), "+57 302 555 0103", null, today.minusDays(45), 3);
            order("VH-1004", falcon, null, "carolina.ruiz@example.com", today.minusDays(3), 1);
        });
    }

    private void order(String number, UUID model, String phone, String email, LocalDate ordered, int level) {
        UUID id = orders.createVehicleOrder(new VehicleOrderDesk.NewVehicleOrder(number, model, phone, email,
                "https://fabrica.example.com/pedidos/" + number, ordered, ordered.plusDays(35)));
        for (int next = 2; next <= level; next++) {
            orders.moveVehicleOrder(id, next);
        }
    }
}
