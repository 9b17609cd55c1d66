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
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class RolesApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    @Test
    void aNewTenantHasTheBuiltInStaffAndPartnerRoles() {
        var tenant = fixtures.tenant();
        JsonNode page = api.get(tenant.adminKey(), "/api/v1/roles").json();
        List<String> names = new ArrayList<>();
        page.get("items").forEach(r -> {
            names.add(r.get("name").asString());
            assertThat(r.get("system").asBoolean()).isTrue();
        });
        assertThat(names).containsExactlyInAnyOrder("admin", "manager", "seller", "technician", "viewer",
                "partner_admin", "partner_user");
    }

    @Test
    void aRoleIsCreatedEditedUnderItsVersionAndDeleted() {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "cashier",
                "description", "Till only", "permissions", List.of("sales.create", " sales.read ", "sales.create")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(permissions(created.json())).containsExactly("sales.create", "sales.read");
        String id = created.json().get("id").asString();

        var fetched = api.get(tenant.adminKey(), "/api/v1/roles/" + id);
        assertThat(fetched.header("etag")).isEqualTo("\"0\"");
        Map<String, Object> edit = Map.of("name", "cashier", "description", "Till and returns",
                "permissions", List.of("sales.*"));
        assertThat(api.put(tenant.adminKey(), "/api/v1/roles/" + id, edit, Map.of()).status()).isEqualTo(428);
        var saved = api.put(tenant.adminKey(), "/api/v1/roles/" + id, edit, Map.of("If-Match", "\"0\""));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.header("etag")).isEqualTo("\"1\"");
        assertThat(permissions(saved.json())).containsExactly("sales.*");
        var stale = api.put(tenant.adminKey(), "/api/v1/roles/" + id, edit, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");

        assertThat(api.delete(tenant.adminKey(), "/api/v1/roles/" + id).status()).isEqualTo(204);
        assertThat(api.get(tenant.adminKey(), "/api/v1/roles/" + id).status()).isEqualTo(404);
    }

    @Test
    void permissionsMustBePatterns() {
        var tenant = fixtures.tenant();
        var refused = api.post(tenant.adminKey(), "/api/v1/roles",
                Map.of("name", "odd", "permissions", List.of("sales.read", "Sales Read")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/invalid-permission");
        var badName = api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "Odd Name", "permissions", List.of()));
        assertThat(badName.status()).isEqualTo(400);
    }

    @Test
    void roleNamesAreUniqueInATenant() {
        var tenant = fixtures.tenant();
        var other = fixtures.tenant();
        assertThat(api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "buyer", "permissions",
                List.of("purchasing.*"))).status()).isEqualTo(201);
        var twice = api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "buyer", "permissions", List.of()));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).endsWith("/role-name-taken");
        assertThat(api.post(other.adminKey(), "/api/v1/roles", Map.of("name", "buyer", "permissions",
                List.of())).status()).isEqualTo(201);
    }

    @Test
    void builtInRolesAndRolesInUseAreNotDeleted() {
        var tenant = fixtures.tenant();
        var system = api.delete(tenant.adminKey(), "/api/v1/roles/" + tenant.roles().get("viewer"));
        assertThat(system.status()).isEqualTo(409);
        assertThat(system.json().get("type").asString()).endsWith("/system-role");

        String role = api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "auditor",
                "permissions", List.of("audit.read"))).json().get("id").asString();
        var user = api.post(tenant.adminKey(), "/api/v1/users", Map.of("name", "Aura", "email",
                "aura@" + tenant.slug() + ".test", "roleIds", List.of(role), "temporaryPassword", "temporary-1"));
        var inUse = api.delete(tenant.adminKey(), "/api/v1/roles/" + role);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("type").asString()).endsWith("/role-in-use");
        assertThat(api.get(tenant.adminKey(), "/api/v1/roles/" + role).json().get("userCount").asLong()).isEqualTo(1);

        // A deleted user no longer holds anything.
        assertThat(api.delete(tenant.adminKey(), "/api/v1/users/" + user.json().get("id").asString()).status())
                .isEqualTo(204);
        assertThat(api.delete(tenant.adminKey(), "/api/v1/roles/" + role).status()).isEqualTo(204);
    }

    @Test
    void builtInRolesKeepTheirNamesAndTheCompanyKeepsAnAdmin() {
        var tenant = fixtures.tenant();
        String admin = tenant.roles().get("admin").toString();
        var current = api.get(tenant.adminKey(), "/api/v1/roles/" + admin);
        var renamed = api.put(tenant.adminKey(), "/api/v1/roles/" + admin,
                Map.of("name", "boss", "permissions", List.of("*")), Map.of("If-Match", current.header("etag")));
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.json().get("type").asString()).endsWith("/system-role");

        var emptied = api.put(tenant.adminKey(), "/api/v1/roles/" + admin,
                Map.of("name", "admin", "permissions", List.of("users.*")), Map.of("If-Match", current.header("etag")));
        assertThat(emptied.status()).isEqualTo(409);
        assertThat(emptied.json().get("type").asString()).endsWith("/last-admin");
        assertThat(permissions(api.get(tenant.adminKey(), "/api/v1/roles/" + admin).json())).containsExactly("*");

        var me = api.get(tenant.adminKey(), "/api/v1/users/" + tenant.adminId());
        var demoted = api.put(tenant.adminKey(), "/api/v1/users/" + tenant.adminId() + "/roles",
                Map.of("roleIds", List.of(tenant.roles().get("viewer"))), Map.of("If-Match", me.header("etag")));
        assertThat(demoted.status()).isEqualTo(409);
        assertThat(demoted.json().get("type").asString()).endsWith("/last-admin");
    }

    @Test
    void aRoleCannotCarryMoreThanItsAuthorHolds() {
        var tenant = fixtures.tenant();
        String roleManager = api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "role-manager",
                "permissions", List.of("roles.*", "catalog.*"))).json().get("id").asString();
        UUID helper = UUID.fromString(api.post(tenant.adminKey(), "/api/v1/users", Map.of("name", "Helper",
                "email", "roles@" + tenant.slug() + ".test", "roleIds", List.of(roleManager),
                "temporaryPassword", "temporary-1")).json().get("id").asString());
        String key = fixtures.apiKey(tenant, helper, Set.of("roles.*", "catalog.*"), List.of("roles.*", "catalog.*"));
        var refused = api.post(key, "/api/v1/roles", Map.of("name", "everything", "permissions", List.of("*")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.post(key, "/api/v1/roles", Map.of("name", "catalog-only", "permissions",
                List.of("catalog.*"))).status()).isEqualTo(201);
        var admin = api.get(key, "/api/v1/roles/" + tenant.roles().get("admin"));
        assertThat(api.put(key, "/api/v1/roles/" + tenant.roles().get("admin"),
                Map.of("name", "admin", "permissions", List.of("catalog.*")),
                Map.of("If-Match", admin.header("etag"))).status()).isEqualTo(403);
    }

    private static List<String> permissions(JsonNode role) {
        List<String> permissions = new ArrayList<>();
        role.get("permissions").forEach(p -> permissions.add(p.asString()));
        return permissions;
    }
}
