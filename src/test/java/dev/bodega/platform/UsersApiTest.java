package dev.bodega.platform;

import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class UsersApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired EmbeddedDatabase database;

    @Test
    void anInvitedUserHasRolesAndMustChangeThePassword() {
        var tenant = fixtures.tenant();
        var created = invite(tenant, "Sofía Seller", "Sofia@" + tenant.slug() + ".test", tenant.roles().get("seller"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("email").asString()).isEqualTo("sofia@" + tenant.slug() + ".test");
        assertThat(user.get("passwordChangeRequired").asBoolean()).isTrue();
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(roleNames(user)).containsExactly("seller");
        assertThat(created.header("location")).isEqualTo("/api/v1/users/" + user.get("id").asString());

        var fetched = api.get(tenant.adminKey(), "/api/v1/users/" + user.get("id").asString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("etag")).isEqualTo("\"" + user.get("version").asLong() + "\"");
        assertThat(fetched.json().get("roles").get(0).get("id").asString()).isEqualTo(tenant.roles().get("seller").toString());
        assertThat(fetched.body()).doesNotContain("password_hash").doesNotContain("passwordHash");
    }

    @Test
    void theListIsPagedAndFilteredByTextStatusAndRole() {
        var tenant = fixtures.tenant();
        String seller = id(invite(tenant, "Paula Pérez", "paula@" + tenant.slug() + ".test", tenant.roles().get("seller")));
        id(invite(tenant, "Tomás Técnico", "tomas@" + tenant.slug() + ".test", tenant.roles().get("technician")));
        id(invite(tenant, "Pablo Prieto", "pablo@" + tenant.slug() + ".test", tenant.roles().get("seller")));

        assertThat(names(api.get(tenant.adminKey(), "/api/v1/users?q=p%C3%A9rez").json()))
                .containsExactly("Paula Pérez");
        assertThat(names(api.get(tenant.adminKey(), "/api/v1/users?q=TOMAS@").json())).containsExactly("Tomás Técnico");
        assertThat(names(api.get(tenant.adminKey(), "/api/v1/users?role=" + tenant.roles().get("seller")).json()))
                .containsExactly("Pablo Prieto", "Paula Pérez");
        assertThat(names(api.get(tenant.adminKey(), "/api/v1/users?q=%25").json())).isEmpty();

        var paula = api.get(tenant.adminKey(), "/api/v1/users/" + seller);
        api.put(tenant.adminKey(), "/api/v1/users/" + seller, changes(paula.json(), false),
                Map.of("If-Match", paula.header("etag")));
        assertThat(names(api.get(tenant.adminKey(), "/api/v1/users?active=false").json())).containsExactly("Paula Pérez");

        var first = api.get(tenant.adminKey(), "/api/v1/users?limit=2").json();
        assertThat(first.get("items").size()).isEqualTo(2);
        var second = api.get(tenant.adminKey(), "/api/v1/users?limit=2&cursor=" + first.get("nextCursor").asString()).json();
        assertThat(second.get("items").size()).isEqualTo(2);
        assertThat(second.get("nextCursor")).isNull();
        List<String> all = new ArrayList<>(names(first));
        all.addAll(names(second));
        assertThat(all).containsExactly("Pablo Prieto", "Tomás Técnico", "Paula Pérez", "Admin " + tenant.slug());
    }

    @Test
    void anUpdateNeedsTheCurrentVersion() {
        var tenant = fixtures.tenant();
        String id = id(invite(tenant, "Vera", "vera@" + tenant.slug() + ".test", tenant.roles().get("viewer")));
        var current = api.get(tenant.adminKey(), "/api/v1/users/" + id);
        Map<String, Object> edit = Map.of("name", "Vera Vidal", "email", "vera.vidal@" + tenant.slug() + ".test",
                "phone", "+57 300 000 0000", "active", true);

        var missing = api.put(tenant.adminKey(), "/api/v1/users/" + id, edit, Map.of());
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().get("type").asString()).endsWith("/if-match-required");

        var saved = api.put(tenant.adminKey(), "/api/v1/users/" + id, edit, Map.of("If-Match", current.header("etag")));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("name").asString()).isEqualTo("Vera Vidal");
        assertThat(saved.json().get("phone").asString()).isEqualTo("+57 300 000 0000");
        assertThat(saved.header("etag")).isNotEqualTo(current.header("etag"));

        var stale = api.put(tenant.adminKey(), "/api/v1/users/" + id, edit, Map.of("If-Match", current.header("etag")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");

        var invalid = api.put(tenant.adminKey(), "/api/v1/users/" + id, Map.of("name", "", "email", "nope"),
                Map.of("If-Match", saved.header("etag")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").size()).isEqualTo(2);
    }

    @Test
    void rolesAreReplacedUnderTheUsersVersion() {
        var tenant = fixtures.tenant();
        String id = id(invite(tenant, "Rita", "rita@" + tenant.slug() + ".test", tenant.roles().get("viewer")));
        var current = api.get(tenant.adminKey(), "/api/v1/users/" + id);
        var roles = Map.of("roleIds", List.of(tenant.roles().get("seller"), tenant.roles().get("technician")));

        assertThat(api.put(tenant.adminKey(), "/api/v1/users/" + id + "/roles", roles, Map.of()).status()).isEqualTo(428);
        var saved = api.put(tenant.adminKey(), "/api/v1/users/" + id + "/roles", roles,
                Map.of("If-Match", current.header("etag")));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(roleNames(saved.json())).containsExactly("seller", "technician");
        assertThat(api.put(tenant.adminKey(), "/api/v1/users/" + id + "/roles", roles,
                Map.of("If-Match", current.header("etag"))).status()).isEqualTo(409);

        var cleared = api.put(tenant.adminKey(), "/api/v1/users/" + id + "/roles", Map.of("roleIds", List.of()),
                Map.of("If-Match", saved.header("etag")));
        assertThat(roleNames(cleared.json())).isEmpty();
    }

    @Test
    void anotherTenantsRoleIsNeverAssigned() throws Exception {
        var tenant = fixtures.tenant();
        var other = fixtures.tenant();
        UUID foreignAdmin = other.roles().get("admin");
        String id = id(invite(tenant, "Iván", "ivan@" + tenant.slug() + ".test", tenant.roles().get("viewer")));
        var current = api.get(tenant.adminKey(), "/api/v1/users/" + id);

        var refused = api.put(tenant.adminKey(), "/api/v1/users/" + id + "/roles",
                Map.of("roleIds", List.of(foreignAdmin)), Map.of("If-Match", current.header("etag")));
        assertThat(refused.status()).isIn(404, 422);
        var invited = invite(tenant, "Eva", "eva@" + tenant.slug() + ".test", foreignAdmin);
        assertThat(invited.status()).isIn(404, 422);

        assertThat(roleNames(api.get(tenant.adminKey(), "/api/v1/users/" + id).json())).containsExactly("viewer");
        try (Connection c = database.superuserDataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM user_roles WHERE role_id = ? AND tenant_id <> ?")) {
            s.setObject(1, foreignAdmin);
            s.setObject(2, other.id());
            var rows = s.executeQuery();
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void theUserLimitOfThePlanIsEnforced() throws Exception {
        var tenant = fixtures.tenant();
        setMaxUsers(tenant.id(), 2);
        String second = id(invite(tenant, "Dos", "dos@" + tenant.slug() + ".test", tenant.roles().get("viewer")));

        var third = invite(tenant, "Tres", "tres@" + tenant.slug() + ".test", tenant.roles().get("viewer"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("type").asString()).endsWith("/max-users");

        var current = api.get(tenant.adminKey(), "/api/v1/users/" + second);
        var deactivated = api.put(tenant.adminKey(), "/api/v1/users/" + second, changes(current.json(), false),
                Map.of("If-Match", current.header("etag")));
        assertThat(deactivated.status()).isEqualTo(200);
        String third2 = id(invite(tenant, "Tres", "tres@" + tenant.slug() + ".test", tenant.roles().get("viewer")));
        assertThat(third2).isNotNull();

        var reactivate = api.put(tenant.adminKey(), "/api/v1/users/" + second, changes(deactivated.json(), true),
                Map.of("If-Match", deactivated.header("etag")));
        assertThat(reactivate.status()).isEqualTo(409);
        assertThat(reactivate.json().get("type").asString()).endsWith("/max-users");
    }

    @Test
    void concurrentInvitationsNeverTakeMoreSeatsThanThePlanHas() throws Exception {
        var tenant = fixtures.tenant();
        setMaxUsers(tenant.id(), 4);
        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String email = "rush" + i + "@" + tenant.slug() + ".test";
            statuses.add(pool.submit(() -> {
                start.await();
                return invite(tenant, "Rush", email, tenant.roles().get("viewer")).status();
            }));
        }
        start.countDown();
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(answers).filteredOn(s -> s == 201).hasSize(3);
        assertThat(answers).filteredOn(s -> s == 409).hasSize(attempts - 3);
        assertThat(api.get(tenant.adminKey(), "/api/v1/users?active=true").json().get("items").size()).isEqualTo(4);
    }

    @Test
    void anEmailBelongsToOneUserUntilThatUserIsDeleted() {
        var tenant = fixtures.tenant();
        String email = "twin@" + tenant.slug() + ".test";
        String first = id(invite(tenant, "Uno", email, tenant.roles().get("viewer")));

        var duplicate = invite(tenant, "Otro", "TWIN@" + tenant.slug() + ".test", tenant.roles().get("viewer"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asString()).endsWith("/email-taken");

        String second = id(invite(tenant, "Dos", "other@" + tenant.slug() + ".test", tenant.roles().get("viewer")));
        var current = api.get(tenant.adminKey(), "/api/v1/users/" + second);
        var renamed = api.put(tenant.adminKey(), "/api/v1/users/" + second,
                Map.of("name", "Dos", "email", email, "active", true), Map.of("If-Match", current.header("etag")));
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.json().get("type").asString()).endsWith("/email-taken");

        assertThat(api.delete(tenant.adminKey(), "/api/v1/users/" + first).status()).isEqualTo(204);
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + first).status()).isEqualTo(404);
        assertThat(invite(tenant, "Nuevo", email, tenant.roles().get("viewer")).status()).isEqualTo(201);
    }

    @Test
    void anAdminCannotDeactivateOrDeleteThemselves() {
        var tenant = fixtures.tenant();
        var me = api.get(tenant.adminKey(), "/api/v1/users/" + tenant.adminId());
        var deactivate = api.put(tenant.adminKey(), "/api/v1/users/" + tenant.adminId(), changes(me.json(), false),
                Map.of("If-Match", me.header("etag")));
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(deactivate.json().get("type").asString()).endsWith("/self-change");

        var delete = api.delete(tenant.adminKey(), "/api/v1/users/" + tenant.adminId());
        assertThat(delete.status()).isEqualTo(409);
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + tenant.adminId()).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void aDeactivatedUsersKeyStopsWorking() {
        var tenant = fixtures.tenant();
        UUID viewer = fixtures.user(tenant, "gone@" + tenant.slug() + ".test", "viewer");
        String key = fixtures.apiKey(tenant, viewer, Set.of("*.read", "apikeys.use"), List.of("users.read"));
        assertThat(api.get(key, "/api/v1/users").status()).isEqualTo(200);

        var current = api.get(tenant.adminKey(), "/api/v1/users/" + viewer);
        api.put(tenant.adminKey(), "/api/v1/users/" + viewer, changes(current.json(), false),
                Map.of("If-Match", current.header("etag")));
        assertThat(api.get(key, "/api/v1/users").status()).isEqualTo(401);
    }

    @Test
    void readingDoesNotAllowWriting() {
        var tenant = fixtures.tenant();
        UUID manager = fixtures.user(tenant, "boss@" + tenant.slug() + ".test", "manager");
        String key = fixtures.apiKey(tenant, manager, Set.of("users.read", "apikeys.use"), List.of("users.read"));
        assertThat(api.get(key, "/api/v1/users").status()).isEqualTo(200);
        var refused = api.post(key, "/api/v1/users", Map.of("name", "X", "email", "x@" + tenant.slug() + ".test",
                "temporaryPassword", "temporary-1", "roleIds", List.of()));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void aUserWhoMayManageUsersCannotGrantMoreThanTheyHold() throws Exception {
        var tenant = fixtures.tenant();
        UUID helper = fixtures.user(tenant, "helper@" + tenant.slug() + ".test", "viewer");
        var created = api.post(tenant.adminKey(), "/api/v1/roles",
                Map.of("name", "user-admin", "permissions", List.of("users.*", "*.read")));
        UUID userAdminRole = UUID.fromString(created.json().get("id").asString());
        var current = api.get(tenant.adminKey(), "/api/v1/users/" + helper);
        api.put(tenant.adminKey(), "/api/v1/users/" + helper + "/roles", Map.of("roleIds", List.of(userAdminRole)),
                Map.of("If-Match", current.header("etag")));
        String key = fixtures.apiKey(tenant, helper, Set.of("users.*", "*.read"), List.of("users.*", "*.read"));

        var escalate = invite(key, tenant, "Mole", "mole@" + tenant.slug() + ".test", tenant.roles().get("admin"));
        assertThat(escalate.status()).isEqualTo(403);
        var admin = api.get(key, "/api/v1/users/" + tenant.adminId());
        assertThat(api.put(key, "/api/v1/users/" + tenant.adminId(), changes(admin.json(), false),
                Map.of("If-Match", admin.header("etag"))).status()).isEqualTo(403);
        assertThat(invite(key, tenant, "Vi", "vi@" + tenant.slug() + ".test", tenant.roles().get("viewer")).status())
                .isEqualTo(201);
    }

    private Api.Response invite(TestFixtures.Tenant tenant, String name, String email, UUID role) {
        return invite(tenant.adminKey(), tenant, name, email, role);
    }

    private Api.Response invite(String key, TestFixtures.Tenant tenant, String name, String email, UUID role) {
        return api.post(key, "/api/v1/users", Map.of("name", name, "email", email, "phone", "+57 1",
                "roleIds", List.of(role), "temporaryPassword", "temporary-pass-1"));
    }

    private void setMaxUsers(UUID tenantId, int max) throws Exception {
        try (Connection c = database.superuserDataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE tenants SET max_users = ? WHERE id = ?")) {
            s.setInt(1, max);
            s.setObject(2, tenantId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static Map<String, Object> changes(JsonNode user, boolean active) {
        return Map.of("name", user.get("name").asString(), "email", user.get("email").asString(), "active", active);
    }

    private static String id(Api.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<String> roleNames(JsonNode user) {
        List<String> names = new ArrayList<>();
        user.get("roles").forEach(r -> names.add(r.get("name").asString()));
        return names;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(u -> names.add(u.get("name").asString()));
        return names;
    }
}
