package dev.bodega.catalog;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class SuppliersApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    private static Map<String, Object> supplier(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", "Ventas@Proveedor.example");
        body.put("phone", "+57 (601) 555-1234");
        body.put("taxId", "900123456-1");
        body.put("country", "co");
        return body;
    }

    /** Seed 004: a supplier organization (under its parent) is one supplier record; a customer is none. */
    @Test
    void aSupplierMayStandForOneSupplierOrganization() {
        var tenant = fixtures.tenant();
        String maker = organization(tenant, "BossAqua", "manufacturer", null);
        String lago = organization(tenant, "Repuestos del Lago", "supplier", maker);
        String granja = organization(tenant, "Granja Marina", "customer", null);
        Map<String, Object> body = supplier("Repuestos del Lago");
        body.put("organizationId", granja);
        var notASupplier = api.post(tenant.adminKey(), "/api/v1/suppliers", body);
        assertThat(notASupplier.status()).isEqualTo(422);
        assertThat(notASupplier.json().get("type").asString()).endsWith("/not-a-supplier-organization");
        body.put("organizationId", lago);
        var linked = api.post(tenant.adminKey(), "/api/v1/suppliers", body);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().get("organizationId").asString()).isEqualTo(lago);
        Map<String, Object> second = supplier("Lago bis");
        second.put("organizationId", lago);
        var taken = api.post(tenant.adminKey(), "/api/v1/suppliers", second);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asString()).endsWith("/organization-has-supplier");
    }

    private String organization(TestFixtures.Tenant tenant, String name, String type, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("parentId", parent);
        return api.post(tenant.adminKey(), "/api/v1/organizations", body).json().get("id").asString();
    }

    @Test
    void createReadUpdateAndDelete() {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/suppliers", supplier("Ferretera del Norte"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("email").asString()).isEqualTo("ventas@proveedor.example");
        assertThat(created.json().get("country").asString()).isEqualTo("CO");

        var fetched = api.get(tenant.adminKey(), "/api/v1/suppliers/" + id);
        assertThat(fetched.header("etag")).isEqualTo("\"0\"");
        Map<String, Object> changes = supplier("Ferretera del Norte S.A.S.");
        changes.put("contactName", "Luisa");
        assertThat(api.put(tenant.adminKey(), "/api/v1/suppliers/" + id, changes, Map.of()).status()).isEqualTo(428);
        var updated = api.put(tenant.adminKey(), "/api/v1/suppliers/" + id, changes, Map.of("If-Match", "\"0\""));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("contactName").asString()).isEqualTo("Luisa");
        assertThat(api.put(tenant.adminKey(), "/api/v1/suppliers/" + id, changes, Map.of("If-Match", "\"0\""))
                .status()).isEqualTo(409);

        assertThat(api.get(tenant.adminKey(), "/api/v1/suppliers?q=norte").json().get("items")).hasSize(1);
        var duplicate = api.post(tenant.adminKey(), "/api/v1/suppliers", supplier("FERRETERA DEL NORTE S.A.S."));
        assertThat(duplicate.status()).isEqualTo(409);

        assertThat(api.delete(tenant.adminKey(), "/api/v1/suppliers/" + id).status()).isEqualTo(204);
        assertThat(api.get(tenant.adminKey(), "/api/v1/suppliers/" + id).status()).isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/suppliers").json().get("items")).isEmpty();
        assertThat(api.post(tenant.adminKey(), "/api/v1/suppliers", supplier("Ferretera del Norte S.A.S.")).status())
                .isEqualTo(201);
    }

    @Test
    void emailAndPhoneAreValidatedWithFieldErrors() {
        var tenant = fixtures.tenant();
        Map<String, Object> body = supplier("Mal escrito");
        body.put("email", "no-es-un-correo");
        body.put("phone", "llámame");
        body.put("country", "COL");
        var refused = api.post(tenant.adminKey(), "/api/v1/suppliers", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(ItemsApiTest.fields(refused.json())).containsExactlyInAnyOrder("email", "phone", "country");

        body.put("email", "a@b");
        body.put("phone", "123");
        body.put("country", null);
        assertThat(ItemsApiTest.fields(api.post(tenant.adminKey(), "/api/v1/suppliers", body).json()))
                .containsExactlyInAnyOrder("email", "phone");
    }

    @Test
    void itemSupplierLinksAreUpsertedWithOnePreferred() {
        var tenant = fixtures.tenant();
        String item = api.post(tenant.adminKey(), "/api/v1/items", ItemsApiTest.item("LNK-1", "Linked"))
                .json().get("id").asString();
        String first = api.post(tenant.adminKey(), "/api/v1/suppliers", supplier("Primero")).json().get("id").asString();
        String second = api.post(tenant.adminKey(), "/api/v1/suppliers", supplier("Segundo")).json().get("id").asString();
        String path = "/api/v1/items/" + item + "/suppliers/";

        var linked = api.put(tenant.adminKey(), path + first,
                Map.of("supplierCode", "P-001", "lastPrice", "9.80", "leadTimeDays", 3, "preferred", true), Map.of());
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("supplierName").asString()).isEqualTo("Primero");
        api.put(tenant.adminKey(), path + second, Map.of("supplierCode", "S-9", "lastPrice", "9.50", "preferred", true),
                Map.of());
        var changed = api.put(tenant.adminKey(), path + first,
                Map.of("supplierCode", "P-002", "lastPrice", "9.70", "leadTimeDays", 4), Map.of());
        assertThat(changed.json().get("supplierCode").asString()).isEqualTo("P-002");

        var links = api.get(tenant.adminKey(), "/api/v1/items/" + item + "/suppliers").json().get("items");
        assertThat(links).hasSize(2);
        assertThat(links.get(0).get("supplierName").asString()).isEqualTo("Segundo");
        assertThat(links.get(0).get("preferred").asBoolean()).isTrue();
        assertThat(links.get(1).get("preferred").asBoolean()).isFalse();
        assertThat(links.get(1).get("leadTimeDays").asInt()).isEqualTo(4);

        var negative = api.put(tenant.adminKey(), path + first, Map.of("lastPrice", "-1", "leadTimeDays", -1), Map.of());
        assertThat(ItemsApiTest.fields(negative.json())).containsExactlyInAnyOrder("lastPrice", "leadTimeDays");
        assertThat(api.put(tenant.adminKey(), path + java.util.UUID.randomUUID(), Map.of(), Map.of()).status())
                .isEqualTo(404);

        assertThat(api.delete(tenant.adminKey(), path + second).status()).isEqualTo(204);
        assertThat(api.delete(tenant.adminKey(), path + second).status()).isEqualTo(404);
        assertThat(api.get(tenant.adminKey(), "/api/v1/items/" + item + "/suppliers").json().get("items")).hasSize(1);
    }
}
