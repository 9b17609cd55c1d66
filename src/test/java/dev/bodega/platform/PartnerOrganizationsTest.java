package dev.bodega.platform;

import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner organizations (seed 004): their rules, the hierarchy, the plan limit, the pages and the tenant wall. */
@BodegaTest
class PartnerOrganizationsTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired EmbeddedDatabase database;

    private static Map<String, Object> organization(String name, String type, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("parentId", parentId);
        body.put("contact", "compras@" + name.toLowerCase().replace(' ', '-') + ".test");
        return body;
    }

    private String create(TestFixtures.Tenant tenant, String name, String type, String parentId) {
        var created = api.post(tenant.adminKey(), "/api/v1/organizations", organization(name, type, parentId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void createReadUpdateTheHierarchyAndDelete() {
        var tenant = fixtures.tenant();
        String maker = create(tenant, "BossAqua", "manufacturer", null);
        String customer = create(tenant, "Granja Marina", "customer", null);
        String supplier = create(tenant, "Repuestos del Lago", "supplier", maker);

        var fetched = api.get(tenant.adminKey(), "/api/v1/organizations/" + supplier);
        assertThat(fetched.header("etag")).isEqualTo("\"0\"");
        assertThat(fetched.json().get("parentName").asString()).isEqualTo("BossAqua");
        assertThat(api.get(tenant.adminKey(), "/api/v1/organizations/" + maker + "/children").json().get("items"))
                .extracting(n -> n.get("id").asString()).containsExactly(supplier);

        Map<String, Object> moved = organization("Repuestos del Lago", "supplier", customer);
        assertThat(api.put(tenant.adminKey(), "/api/v1/organizations/" + supplier, moved, Map.of()).status())
                .isEqualTo(428);
        var updated = api.put(tenant.adminKey(), "/api/v1/organizations/" + supplier, moved, Map.of("If-Match", "\"0\""));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(api.put(tenant.adminKey(), "/api/v1/organizations/" + supplier, moved, Map.of("If-Match", "\"0\""))
                .status()).isEqualTo(409);

        var tree = api.get(tenant.adminKey(), "/api/v1/organizations/hierarchy").json().get("items");
        assertThat(tree).extracting(n -> n.get("name").asString() + "@" + n.get("level").asInt())
                .containsExactly("BossAqua@0", "Granja Marina@0", "Repuestos del Lago@1");
        var cycle = api.put(tenant.adminKey(), "/api/v1/organizations/" + customer,
                organization("Granja Marina", "customer", supplier), Map.of("If-Match", "\"0\""));
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().get("type").asString()).endsWith("/organization-parent-cycle");

        assertThat(api.delete(tenant.adminKey(), "/api/v1/organizations/" + customer).status()).isEqualTo(409);
        assertThat(api.delete(tenant.adminKey(), "/api/v1/organizations/" + supplier).status()).isEqualTo(204);
        assertThat(api.get(tenant.adminKey(), "/api/v1/organizations/" + supplier).status()).isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/organizations?type=customer").json().get("items"))
                .extracting(n -> n.get("id").asString()).containsExactly(customer);
    }

    @Test
    void aSupplierNeedsAParentTheManufacturerIsUniqueAndNamesAreUnique() {
        var tenant = fixtures.tenant();
        var orphan = api.post(tenant.adminKey(), "/api/v1/organizations", organization("Sin Matriz", "supplier", null));
        assertThat(orphan.status()).isEqualTo(422);
        assertThat(orphan.json().get("type").asString()).endsWith("/supplier-needs-parent");
        var unknownParent = api.post(tenant.adminKey(), "/api/v1/organizations",
                organization("Sin Matriz", "supplier", UUID.randomUUID().toString()));
        assertThat(unknownParent.status()).isEqualTo(422);

        create(tenant, "BossAqua", "manufacturer", null);
        var second = api.post(tenant.adminKey(), "/api/v1/organizations", organization("Otro Fabricante", "manufacturer", null));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).endsWith("/manufacturer-exists");

        var sameName = api.post(tenant.adminKey(), "/api/v1/organizations", organization("BOSSAQUA", "customer", null));
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.json().get("type").asString()).endsWith("/organization-name-taken");
        assertThat(api.post(tenant.adminKey(), "/api/v1/organizations", organization("Raro", "partner", null)).status())
                .isEqualTo(400);

        var otherTenant = fixtures.tenant();
        assertThat(api.post(otherTenant.adminKey(), "/api/v1/organizations", organization("BossAqua", "manufacturer", null))
                .status()).as("names and the manufacturer are per company").isEqualTo(201);
    }

    @Test
    void thePlansCustomerLimitHolds() {
        var tenant = fixtures.tenant();
        JdbcClient.create(database.superuserDataSource())
                .sql("UPDATE tenants SET max_customer_organizations = 1 WHERE id = :id").param("id", tenant.id()).update();
        String maker = create(tenant, "Fabricante", "manufacturer", null);
        create(tenant, "Primer Cliente", "customer", null);
        var over = api.post(tenant.adminKey(), "/api/v1/organizations", organization("Segundo Cliente", "customer", null));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("type").asString()).endsWith("/max-customer-organizations");
        String supplier = create(tenant, "Proveedor", "supplier", maker);
        assertThat(api.put(tenant.adminKey(), "/api/v1/organizations/" + supplier,
                organization("Proveedor", "customer", maker), Map.of("If-Match", "\"0\"")).status())
                .as("becoming a customer takes a slot too").isEqualTo(409);
        assertThat(api.get(tenant.adminKey(), "/api/v1/organizations?type=customer").json().get("items")).hasSize(1);
    }

    @Test
    void rawSqlAsTheApplicationRoleSeesOnlyItsTenantsOrganizations() throws Exception {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        create(a, "Cliente A", "customer", null);
        create(b, "Cliente B", "customer", null);
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[] {"partner_organizations", "platform_partner_organizations"}) {
                assertThat(names(statement, table)).as(table + " with no tenant set").isEmpty();
            }
            statement.execute("SELECT set_config('app.tenant_id', '" + a.id() + "', false)");
            for (String table : new String[] {"partner_organizations", "platform_partner_organizations"}) {
                assertThat(names(statement, table)).as(table).containsExactly("Cliente A");
            }
        }
    }

    private static java.util.List<String> names(Statement statement, String table) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT name FROM " + table)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void thePagesListCreateShowChildrenAndRefuseInTheUsersLanguage() {
        var tenant = fixtures.tenant();
        String maker = create(tenant, "BossAqua", "manufacturer", null);
        WebSession session = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        var refused = session.post("/partners", Map.of("name", "Huérfano", "type", "supplier", "parentId", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Un proveedor necesita una organización matriz.");
        var created = session.post("/partners", Map.of("name", "Repuestos del Lago", "type", "supplier",
                "parentId", maker, "address", "Puerto Montt", "active", "true"));
        assertThat(created.status()).isEqualTo(302);
        String supplierPage = created.locationPath();

        var parent = session.get("/partners/" + maker + "?lang=en");
        assertThat(parent.status()).isEqualTo(200);
        assertThat(parent.body()).contains("Repuestos del Lago", "Organizations under this one", "Manufacturer");
        var list = session.get("/partners");
        assertThat(list.body()).contains("Repuestos del Lago", "Hierarchy").doesNotContain("??");
        var taken = session.post(supplierPage, Map.of("name", "bossaqua", "type", "supplier", "parentId", maker,
                "version", "0"));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("An organization with that name already exists.");

        String viewer = "consulta@" + tenant.slug() + ".test";
        fixtures.user(tenant, viewer, "viewer");
        WebSession reader = WebSession.signedIn(api.baseUrl(), tenant.slug(), viewer, TestFixtures.PASSWORD);
        assertThat(reader.get("/partners").body()).contains("BossAqua").doesNotContain("id=\"organization-submit\"");
        assertThat(reader.post("/partners", Map.of("name", "Nada", "type", "customer")).status()).isEqualTo(403);
    }
}
