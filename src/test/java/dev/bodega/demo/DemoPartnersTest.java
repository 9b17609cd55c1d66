package dev.bodega.demo;

import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004's partner network in the demo company: organizations, their warehouses, machines and readings. */
@BodegaTest
class DemoPartnersTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired JdbcClient jdbc;
    @Autowired DemoData demo;

    @Test
    void twoCustomersWithTheirWarehousesAndMachinesWithReadings() {
        var tenant = fixtures.tenant();
        demo.fill(tenant.id(), tenant.adminId());

        assertThat(list(tenant, "SELECT type || '|' || name FROM partner_organizations ORDER BY type, name"))
                .containsExactly("customer|Acuícola Los Andes", "customer|Granja Marina del Sur",
                        "manufacturer|BossAqua", "supplier|Filtros del Pacífico");
        assertThat(list(tenant, """
                SELECT o.name || '|' || l.name FROM locations l
                JOIN partner_organizations o ON o.id = l.organization_id ORDER BY o.name"""))
                .containsExactly("Acuícola Los Andes|Bodega Acuícola Los Andes",
                        "Granja Marina del Sur|Bodega Granja Marina del Sur");
        assertThat(list(tenant, """
                SELECT o.type || '|' || count(DISTINCT m.id) || '|' || count(r.id) FROM machines m
                JOIN partner_organizations o ON o.id = m.organization_id
                LEFT JOIN machine_readings r ON r.machine_id = m.id GROUP BY o.type"""))
                .as("only customers own machines; twelve readings each").containsExactly("customer|4|48");
    }

    private List<String> list(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query(String.class).list());
    }
}
