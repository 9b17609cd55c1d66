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

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class CategoryTreeTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    private String create(String key, String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parentId", parentId);
        var created = api.post(key, "/api/v1/categories", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Api.Response move(String key, String id, String name, String parentId, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("parentId", parentId);
        return api.put(key, "/api/v1/categories/" + id, body, Map.of("If-Match", "\"" + version + "\""));
    }

    @Test
    void theTreeListsPathsInTreeOrder() {
        var tenant = fixtures.tenant();
        String tools = create(tenant.adminKey(), "Herramientas", null);
        create(tenant.adminKey(), "Manuales", tools);
        create(tenant.adminKey(), "Eléctricas", tools);
        create(tenant.adminKey(), "Abrasivos", null);

        List<String> paths = new ArrayList<>();
        api.get(tenant.adminKey(), "/api/v1/categories").json().get("items")
                .forEach(c -> paths.add(c.get("path").asString() + "@" + c.get("depth").asInt()));
        assertThat(paths).containsExactly("Abrasivos@0", "Herramientas@0", "Herramientas/Eléctricas@1",
                "Herramientas/Manuales@1");

        var sibling = api.post(tenant.adminKey(), "/api/v1/categories", Map.of("name", "manuales", "parentId", tools));
        assertThat(sibling.status()).isEqualTo(409);
        assertThat(sibling.json().get("type").asString()).endsWith("/category-name-taken");
        var slash = api.post(tenant.adminKey(), "/api/v1/categories", Map.of("name", "A/B"));
        assertThat(slash.status()).isEqualTo(400);
    }

    @Test
    void movingUnderItsOwnDescendantIsRefusedAsACycle() {
        var tenant = fixtures.tenant();
        String a = create(tenant.adminKey(), "A", null);
        String b = create(tenant.adminKey(), "B", a);
        String c = create(tenant.adminKey(), "C", b);

        var cycle = move(tenant.adminKey(), a, "A", c, 0);
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.header("content-type")).startsWith("application/problem+json");
        assertThat(cycle.json().get("type").asString()).endsWith("/category-cycle");
        var self = move(tenant.adminKey(), a, "A", a, 0);
        assertThat(self.status()).isEqualTo(409);

        // Nothing moved.
        assertThat(api.get(tenant.adminKey(), "/api/v1/categories/" + a).json().get("parentId")).isNull();
        assertThat(api.get(tenant.adminKey(), "/api/v1/categories/" + c).json().get("path").asString()).isEqualTo("A/B/C");
    }

    @Test
    void moveAndRenameNeedTheVersion() {
        var tenant = fixtures.tenant();
        String a = create(tenant.adminKey(), "A", null);
        String b = create(tenant.adminKey(), "B", a);
        String x = create(tenant.adminKey(), "X", null);

        assertThat(api.put(tenant.adminKey(), "/api/v1/categories/" + b, Map.of("name", "B", "parentId", x), Map.of())
                .status()).isEqualTo(428);
        var moved = move(tenant.adminKey(), b, "Bee", x, 0);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("path").asString()).isEqualTo("X/Bee");
        assertThat(moved.header("etag")).isEqualTo("\"1\"");
        assertThat(move(tenant.adminKey(), b, "B", a, 0).status()).isEqualTo(409);

        var toRoot = move(tenant.adminKey(), b, "Bee", null, 1);
        assertThat(toRoot.json().get("depth").asInt()).isZero();
    }

    @Test
    void deactivatingDeactivatesTheSubtreeAndItemsFilterIncludesDescendants() {
        var tenant = fixtures.tenant();
        String tools = create(tenant.adminKey(), "Herramientas", null);
        String manual = create(tenant.adminKey(), "Manuales", tools);
        String other = create(tenant.adminKey(), "Otras", null);
        Map<String, Object> hammer = ItemsApiTest.item("HAM-1", "Martillo");
        hammer.put("categoryId", manual);
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", hammer).status()).isEqualTo(201);
        Map<String, Object> rope = ItemsApiTest.item("ROPE-1", "Cuerda");
        rope.put("categoryId", other);
        api.post(tenant.adminKey(), "/api/v1/items", rope);

        JsonNode underTools = api.get(tenant.adminKey(), "/api/v1/items?category=" + tools).json().get("items");
        assertThat(underTools).hasSize(1);
        assertThat(underTools.get(0).get("categoryPath").asString()).isEqualTo("Herramientas/Manuales");

        assertThat(api.send(tenant.adminKey(), "DELETE", "/api/v1/categories/" + tools, null, Map.of()).status())
                .isEqualTo(428);
        var deactivated = api.send(tenant.adminKey(), "DELETE", "/api/v1/categories/" + tools, null,
                Map.of("If-Match", "\"0\""));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(api.get(tenant.adminKey(), "/api/v1/categories/" + manual).json().get("active").asBoolean()).isFalse();
        assertThat(api.get(tenant.adminKey(), "/api/v1/categories?active=true").json().get("items")).hasSize(1);

        // Nothing new goes under an inactive category; items already there stay.
        var under = api.post(tenant.adminKey(), "/api/v1/categories", Map.of("name", "Nueva", "parentId", manual));
        assertThat(under.status()).isEqualTo(422);
        Map<String, Object> saw = ItemsApiTest.item("SAW-1", "Serrucho");
        saw.put("categoryId", manual);
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", saw).status()).isEqualTo(400);
        assertThat(api.get(tenant.adminKey(), "/api/v1/items?category=" + tools).json().get("items")).hasSize(1);
    }
}
