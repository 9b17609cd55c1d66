package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What Versioned, IfMatch and PageQuery mean on the wire, and how the OpenAPI document shows them. */
@BodegaTest
class VersionsAndPagingApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    @Test
    void aVersionedResourceAnswersConditionalRequestsByItsETag() {
        var tenant = fixtures.tenant();
        String path = "/api/v1/users/" + tenant.adminId();
        var user = api.get(tenant.adminKey(), path);
        assertThat(user.header("etag")).isEqualTo("\"0\"");

        var unchanged = api.send(tenant.adminKey(), "GET", path, null, Map.of("If-None-Match", "\"0\""));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(api.send(tenant.adminKey(), "GET", path, null, Map.of("If-None-Match", "\"7\"")).status())
                .isEqualTo(200);
    }

    @Test
    void ifMatchMayBeWeakOrBareAndAnUnreadableOneIsStale() {
        var tenant = fixtures.tenant();
        var role = api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "cashier",
                "permissions", List.of("sales.read")));
        String path = "/api/v1/roles/" + role.json().get("id").asString();
        Map<String, Object> edit = Map.of("name", "cashier", "permissions", List.of("sales.create"));

        var unreadable = api.put(tenant.adminKey(), path, edit, Map.of("If-Match", "\"zero\""));
        assertThat(unreadable.status()).isEqualTo(409);
        assertThat(unreadable.json().get("type").asString()).endsWith("/stale-version");
        var weak = api.put(tenant.adminKey(), path, edit, Map.of("If-Match", "W/\"0\""));
        assertThat(weak.status()).as(weak.body()).isEqualTo(200);
        assertThat(weak.header("etag")).isEqualTo("\"1\"");
        assertThat(api.put(tenant.adminKey(), path, edit, Map.of("If-Match", "1")).header("etag")).isEqualTo("\"2\"");
    }

    @Test
    void aTooSmallLimitIsOneRowAndMalformedPagingIsAProblem() {
        var tenant = fixtures.tenant();
        JsonNode one = api.get(tenant.adminKey(), "/api/v1/roles?limit=0").json();
        assertThat(one.get("items")).hasSize(1);
        assertThat(one.get("nextCursor").asString()).isNotBlank();

        var badLimit = api.get(tenant.adminKey(), "/api/v1/roles?limit=many");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("detail").asString()).isEqualTo("limit: expected a whole number");
        // A cursor that is not even a UUID names no row, as an unknown id.
        var badCursor = api.get(tenant.adminKey(), "/api/v1/roles?cursor=not-a-uuid");
        assertThat(badCursor.status()).isEqualTo(404);
        assertThat(badCursor.json().get("type").asString()).endsWith("/not-found");
    }

    @Test
    void theOpenApiDocumentShowsWhatTravelsNotTheWrappers() {
        JsonNode document = api.get(null, "/v3/api-docs").json();
        JsonNode paths = document.get("paths");

        assertThat(parameters(paths.get("/api/v1/roles").get("get"))).containsExactly(
                "cursor in query: {\"type\":\"string\",\"format\":\"uuid\"}",
                "limit in query: {\"type\":\"integer\",\"format\":\"int32\"}");
        assertThat(parameters(paths.get("/api/v1/audit").get("get"))).endsWith(
                "cursor in query: {\"type\":\"string\"}",
                "limit in query: {\"type\":\"integer\",\"format\":\"int32\"}");
        JsonNode update = paths.get("/api/v1/roles/{id}").get("put");
        assertThat(parameters(update)).containsExactly(
                "id in path: {\"type\":\"string\",\"format\":\"uuid\"}",
                "If-Match in header: {\"type\":\"string\"}");
        assertThat(update.get("responses").get("200").toString()).contains("#/components/schemas/RoleView");
        assertThat(paths.get("/api/v1/roles").get("post").get("responses").toString())
                .contains("#/components/schemas/RoleView");
        List<String> schemas = new ArrayList<>(document.get("components").get("schemas").propertyNames());
        assertThat(schemas).doesNotContain("Versioned", "VersionedRoleView", "PageQuery", "PageQueryUUID", "IfMatch");
        assertThat(document.toString()).doesNotContain("ifMatch", "\"page\"");
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> parameters = new ArrayList<>();
        operation.get("parameters").forEach(p -> {
            assertThat(p.get("required").asBoolean()).isEqualTo(p.get("in").asString().equals("path"));
            parameters.add(p.get("name").asString() + " in " + p.get("in").asString() + ": " + p.get("schema"));
        });
        return parameters;
    }
}
