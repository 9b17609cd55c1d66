package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.CookieSession;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Uploads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every /api/v1 endpoint that takes an id answers 404 for another tenant's
 * id, and leaves that tenant's data alone. Endpoints are found by
 * enumerating the handler mappings, so a new endpoint fails this test until
 * its kind of id is added to {@link #IDS} (one line).
 */
@BodegaTest
class CrossTenantIdTest {

    /** One id of each kind, all belonging to the other tenant. */
    record Foreign(String userId, String roleId, String apiKeyId, String sessionId, String notificationId,
                   String securityEventId, String auditId, String itemId, String itemBarcode, String categoryId,
                   String supplierId, String importJobId) {
    }

    /** Path pattern → which of the other tenant's ids to put in its path variable. */
    private static final Map<String, Function<Foreign, String>> IDS = new LinkedHashMap<>();

    static {
        IDS.put("/api/v1/users/{id}", Foreign::userId);
        IDS.put("/api/v1/users/{id}/roles", Foreign::userId);
        IDS.put("/api/v1/users/{id}/sessions", Foreign::userId);
        IDS.put("/api/v1/roles/{id}", Foreign::roleId);
        IDS.put("/api/v1/api-keys/{id}", Foreign::apiKeyId);
        IDS.put("/api/v1/me/sessions/{sessionId}", Foreign::sessionId);
        IDS.put("/api/v1/notifications/{id}/read", Foreign::notificationId);
        IDS.put("/api/v1/items/{id}", Foreign::itemId);
        IDS.put("/api/v1/items/by-barcode/{barcode}", Foreign::itemBarcode);
        IDS.put("/api/v1/items/{id}/price-history", Foreign::itemId);
        IDS.put("/api/v1/items/{id}/suppliers", Foreign::itemId);
        IDS.put("/api/v1/items/{id}/suppliers/{supplierId}", Foreign::itemId);
        IDS.put("/api/v1/items/import/{jobId}", Foreign::importJobId);
        IDS.put("/api/v1/categories/{id}", Foreign::categoryId);
        IDS.put("/api/v1/suppliers/{id}", Foreign::supplierId);
    }

    /**
     * A body valid for every create or update call, so each is judged on its id rather than refused as
     * malformed (unknown fields are ignored); add a field here if a new endpoint requires one.
     */
    private static final Map<String, Object> ANY_BODY = Map.of(
            "name", "cross-tenant", "email", "cross@tenant.test", "active", true, "roleIds", List.of(),
            "description", "cross-tenant", "permissions", List.of("catalog.read"), "sku", "CROSS-1");

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired Notifications notifications;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyIdOfAnotherTenantIsNotFound() throws Exception {
        List<Route> routes = routesWithIds();
        assertThat(routes).isNotEmpty();
        assertThat(routes.stream().map(Route::pattern).filter(p -> !IDS.containsKey(p)).distinct().toList())
                .as("Endpoints with an id missing from CrossTenantIdTest.IDS: add the kind of id they take")
                .isEmpty();

        var mine = fixtures.tenant();
        var theirs = fixtures.tenant();
        var theirBrowser = new CookieSession(api.baseUrl(), "other tenant");
        assertThat(theirBrowser.login(theirs.slug(), theirs.adminEmail(), TestFixtures.PASSWORD).status()).isEqualTo(302);
        Foreign foreign = foreignIds(theirs);

        List<String> leaks = new ArrayList<>();
        for (Route route : routes) {
            String path = route.pattern().replaceAll("\\{[^}]+}", IDS.get(route.pattern()).apply(foreign));
            boolean hasBody = route.method().equals("POST") || route.method().equals("PUT") || route.method().equals("PATCH");
            var response = api.send(mine.adminKey(), route.method(), path, hasBody ? ANY_BODY : null,
                    Map.of("If-Match", "\"0\""));
            if (response.status() != 404) {
                leaks.add(route.method() + " " + route.pattern() + " → " + response.status() + " " + response.body());
            }
        }
        assertThat(leaks).as("Answers other than 404 for another tenant's id").isEmpty();
        assertUntouched(theirs, foreign, theirBrowser);
    }

    record Route(String method, String pattern) {
    }

    /** Every (method, pattern) under /api/v1 with a path variable; a mapping without methods is called with GET. */
    private List<Route> routesWithIds() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1") || !pattern.contains("{")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (seen.add(method + " " + pattern)) {
                        routes.add(new Route(method.name(), pattern));
                    }
                }
            }
        }
        return routes;
    }

    private Foreign foreignIds(TestFixtures.Tenant theirs) throws Exception {
        String user = api.post(theirs.adminKey(), "/api/v1/users", Map.of("name", "Theirs", "email",
                "theirs@" + theirs.slug() + ".test", "roleIds", List.of(theirs.roles().get("viewer")),
                "temporaryPassword", "temporary-1")).json().get("id").asString();
        String apiKey = api.get(theirs.adminKey(), "/api/v1/api-keys").json().get("items").get(0).get("id").asString();
        String session = api.get(theirs.adminKey(), "/api/v1/me/sessions").json().get("items").get(0).get("id").asString();
        TenantContext.runAs(TenantContext.Scope.system(theirs.id()), () -> notifications.send(new Notifications.Notice(
                theirs.adminId(), "Theirs", "A notice of the other tenant", "info", "normal", null)));
        String item = api.post(theirs.adminKey(), "/api/v1/items", Map.of("sku", "THEIRS-1", "name", "Theirs",
                "barcode", "7709999999994")).json().get("id").asString();
        String category = api.post(theirs.adminKey(), "/api/v1/categories", Map.of("name", "Theirs")).json()
                .get("id").asString();
        String supplier = api.post(theirs.adminKey(), "/api/v1/suppliers", Map.of("name", "Theirs")).json()
                .get("id").asString();
        String importJob = Uploads.file(api, theirs.adminKey(), "/api/v1/items/import", "theirs.csv",
                "sku,name\nTHEIRS-2,Imported\n", Map.of("mode", "skip_invalid")).json().get("id").asString();
        return new Foreign(user, theirs.roles().get("viewer").toString(), apiKey, session,
                newest(theirs, "notifications", "id"), newest(theirs, "security_events", "id"),
                newest(theirs, "audit_log", "id"), item, "7709999999994", category, supplier, importJob);
    }

    /** The other tenant is as it was: its user, role, key and session all still work. */
    private void assertUntouched(TestFixtures.Tenant theirs, Foreign foreign, CookieSession theirBrowser) {
        var user = api.get(theirs.adminKey(), "/api/v1/users/" + foreign.userId());
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().get("active").asBoolean()).isTrue();
        assertThat(user.json().get("name").asString()).isEqualTo("Theirs");
        assertThat(user.json().get("version").asLong()).isZero();
        assertThat(api.get(theirs.adminKey(), "/api/v1/roles/" + foreign.roleId()).json().get("version").asLong())
                .isZero();
        assertThat(api.get(theirs.adminKey(), "/api/v1/api-keys/" + foreign.apiKeyId()).json().get("revokedAt")).isNull();
        assertThat(theirBrowser.get("/").status()).isEqualTo(200);
        var item = api.get(theirs.adminKey(), "/api/v1/items/" + foreign.itemId());
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.json().get("version").asLong()).isZero();
        var category = api.get(theirs.adminKey(), "/api/v1/categories/" + foreign.categoryId()).json();
        assertThat(category.get("version").asLong()).isZero();
        assertThat(category.get("active").asBoolean()).isTrue();
        assertThat(api.get(theirs.adminKey(), "/api/v1/suppliers/" + foreign.supplierId()).json().get("version").asLong())
                .isZero();
        assertThat(api.get(theirs.adminKey(), "/api/v1/items/import/" + foreign.importJobId()).status()).isEqualTo(200);
    }

    private String newest(TestFixtures.Tenant tenant, String table, String column) throws Exception {
        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            ResultSet rows = statement.executeQuery("SELECT " + column + " FROM " + table + " ORDER BY " + column
                    + " DESC LIMIT 1");
            assertThat(rows.next()).as("the other tenant has a row in " + table).isTrue();
            return rows.getString(1);
        }
    }
}
