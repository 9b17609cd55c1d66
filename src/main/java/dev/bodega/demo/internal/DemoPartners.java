package dev.bodega.demo.internal;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.platform.PartnerSetup;
import dev.bodega.service.MachineSetup;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Seed 004's partner network: the manufacturer and a supplier under it, two customer organizations, each with its
 * own warehouse and two machines with a year of monthly hour readings.
 */
@Component
class DemoPartners {

    private final PartnerSetup partners;
    private final InventorySetup inventory;
    private final MachineSetup machines;
    private final DemoScope scope;

    DemoPartners(PartnerSetup partners, InventorySetup inventory, MachineSetup machines, DemoScope scope) {
        this.partners = partners;
        this.inventory = inventory;
        this.machines = machines;
        this.scope = scope;
    }

    void seed(UUID tenantId, UUID adminUserId) {
        scope.run(tenantId, adminUserId, () -> {
            UUID maker = partners.createOrganization(new PartnerSetup.NewOrganization("BossAqua", "manufacturer", null,
                    "Tallinn, Estonia", "service@bossaqua.example"));
            partners.createOrganization(new PartnerSetup.NewOrganization("Filtros del Pacífico", "supplier", maker,
                    "Buenaventura", "ventas@filtrospacifico.example"));
            customer("Granja Marina del Sur", "Tumaco", "GMS", 0);
            customer("Acuícola Los Andes", "Neiva", "ALA", 1);
        });
    }

    private void customer(String name, String city, String code, int offset) {
        UUID organization = partners.createOrganization(new PartnerSetup.NewOrganization(name, "customer", null, city,
                "compras@" + code.toLowerCase() + ".example"));
        inventory.createLocation(new InventorySetup.NewLocation("Bodega " + name, "warehouse", city, null, organization));
        LocalDate bought = LocalDate.now().minusMonths(14 + offset);
        for (int n = 1; n <= 2; n++) {
            UUID machine = machines.registerMachine(new MachineSetup.NewMachine("AB-" + code + "-00" + n,
                    "AutoBoss " + code + " " + n, n == 1 ? "V4.0" : "V3.1", organization, bought, bought.plusYears(2),
                    "Estanque " + n));
            Instant first = Instant.now().minus(Duration.ofDays(360));
            for (int month = 0; month < 12; month++) {
                BigDecimal hours = BigDecimal.valueOf((long) (month + 1) * (140 + 20L * n + 10L * offset));
                machines.recordReading(machine, "hours", hours, first.plus(Duration.ofDays(30L * month)));
            }
        }
    }
}
