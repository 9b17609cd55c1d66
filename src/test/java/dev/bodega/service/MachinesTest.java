package dev.bodega.service;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers' machines (seed 004): who owns one, who registers one, serials, readings, pages and the tenant wall. */
@BodegaTest
class MachinesTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    private String organization(TestFixtures.Tenant tenant, String name, String type, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("parentId", parentId);
        var created = api.post(tenant.adminKey(), "/api/v1/organizations", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Map<String, Object> machine(String serial, String owner) {
        return Map.of("serialNumber", serial, "name", "AutoBoss " + serial, "model", "V4.0", "organizationId", owner,
                "purchaseDate", "2025-03-01", "warrantyExpiry", "2027-03-01", "status", "active");
    }

    @Test
    void onlyACustomerOwnsAMachineAndSerialsAreUnique() {
        var tenant = fixtures.tenant();
        String maker = organization(tenant, "BossAqua", "manufacturer", null);
        String supplier = organization(tenant, "Repuestos", "supplier", maker);
        String customer = organization(tenant, "Granja Marina", "customer", null);
        for (String owner : List.of(supplier, maker)) {
            var refused = api.post(tenant.adminKey(), "/api/v1/machines", machine("SN-1", owner));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).endsWith("/machine-owner-not-customer");
        }
        var created = api.post(tenant.adminKey(), "/api/v1/machines", machine("SN-1", customer));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("organizationName").asString()).isEqualTo("Granja Marina");

        var taken = api.post(tenant.adminKey(), "/api/v1/machines", machine("sn-1", customer));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asString()).endsWith("/machine-serial-taken");
        var toSupplier = api.put(tenant.adminKey(), "/api/v1/machines/" + id, machine("SN-1", supplier),
                Map.of("If-Match", "\"0\""));
        assertThat(toSupplier.status()).isEqualTo(422);
        Map<String, Object> inMaintenance = new HashMap<>(machine("SN-1", customer));
        inMaintenance.put("status", "maintenance");
        var updated = api.put(tenant.adminKey(), "/api/v1/machines/" + id, inMaintenance, Map.of("If-Match", "\"0\""));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("status").asString()).isEqualTo("maintenance");
        assertThat(api.get(tenant.adminKey(), "/api/v1/machines?organizationId=" + customer).json().get("items"))
                .hasSize(1);
        assertThat(api.get(tenant.adminKey(), "/api/v1/machines?organizationId=" + supplier).json().get("items"))
                .isEmpty();
    }

    @Test
    void readingsAccumulateNewestFirstAndOnlyMachineManagersRegister() {
        var tenant = fixtures.tenant();
        String customer = organization(tenant, "Granja Marina", "customer", null);
        String id = api.post(tenant.adminKey(), "/api/v1/machines", machine("SN-7", customer)).json().get("id").asString();
        assertThat(api.post(tenant.adminKey(), "/api/v1/machines/" + id + "/readings",
                Map.of("kind", "hours", "value", 120.5, "readAt", "2026-01-10T10:00:00Z")).status()).isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/machines/" + id + "/readings",
                Map.of("kind", "hours", "value", 180, "readAt", "2026-02-10T10:00:00Z")).status()).isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/machines/" + id + "/readings",
                Map.of("kind", "hours", "value", -1)).status()).isEqualTo(400);
        var readings = api.get(tenant.adminKey(), "/api/v1/machines/" + id + "/readings").json().get("items");
        assertThat(readings).extracting(r -> r.get("value").decimalValue().toPlainString())
                .containsExactly("180.0", "120.5");

        var seller = fixtures.user(tenant, "vende@" + tenant.slug() + ".test", "seller");
        String sellerKey = fixtures.apiKey(tenant, seller, Set.of("sales.read", "machines.read"),
                List.of("sales.read", "machines.read"));
        assertThat(api.post(sellerKey, "/api/v1/machines", machine("SN-8", customer)).status()).isEqualTo(403);
    }

    @Test
    void rawSqlAsTheApplicationRoleSeesOnlyItsTenantsMachines() throws Exception {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        for (var tenant : List.of(a, b)) {
            String customer = organization(tenant, "Cliente", "customer", null);
            String id = api.post(tenant.adminKey(), "/api/v1/machines", machine("SN-" + tenant.slug(), customer))
                    .json().get("id").asString();
            api.post(tenant.adminKey(), "/api/v1/machines/" + id + "/readings", Map.of("kind", "counter", "value", 5));
        }
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            assertThat(tenants(statement, "machines")).isEmpty();
            assertThat(tenants(statement, "machine_readings")).isEmpty();
            statement.execute("SELECT set_config('app.tenant_id', '" + a.id() + "', false)");
            assertThat(tenants(statement, "machines")).containsExactly(a.id().toString());
            assertThat(tenants(statement, "machine_readings")).containsExactly(a.id().toString());
        }
    }

    private static List<String> tenants(Statement statement, String table) throws Exception {
        List<String> tenants = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT tenant_id FROM " + table)) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }

    @Test
    void thePagesRegisterAMachineAndRecordAReading() {
        var tenant = fixtures.tenant();
        String maker = organization(tenant, "BossAqua", "manufacturer", null);
        String customer = organization(tenant, "Granja Marina", "customer", null);
        WebSession session = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        var list = session.get("/service/machines");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Granja Marina").doesNotContain(">BossAqua<");

        Map<String, String> form = new HashMap<>(Map.of("serialNumber", "SN-P1", "name", "AutoBoss", "model", "V4",
                "organizationId", maker, "status", "active", "purchaseDate", "2025-03-01"));
        var refused = session.post("/service/machines", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Solo una organización cliente puede ser dueña de una máquina.");
        form.put("organizationId", customer);
        var created = session.post("/service/machines", form);
        assertThat(created.status()).isEqualTo(302);
        String page = created.locationPath();
        assertThat(session.post(page + "/readings", Map.of("kind", "hours", "value", "12,5")).status()).isEqualTo(302);
        var detail = session.get(page + "?lang=en");
        assertThat(detail.body()).contains("SN-P1", "Granja Marina", "12.5", "Hours")
                .doesNotContain("??");
    }
}
