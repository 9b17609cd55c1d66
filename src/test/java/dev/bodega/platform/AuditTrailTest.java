package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@BodegaTest
class AuditTrailTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    /** An edit made in a transaction that carries the admin's tenant context, as a request would. */
    private void asAdmin(TestFixtures.Tenant tenant, String sql, Map<String, Object> params) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"),
                () -> transactions.execute(tx -> jdbc.sql(sql).params(params).update()));
    }

    private UUID newUser(TestFixtures.Tenant tenant, String name) {
        return fixtures.user(tenant, name + "@" + tenant.slug() + ".test", "seller");
    }

    private static List<JsonNode> items(Api.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.propertyNames().forEach(keys::add);
        return keys;
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void anUpdateRecordsWhoAndFromWhereWithOnlyTheChangedColumns() {
        var tenant = fixtures.tenant();
        UUID user = newUser(tenant, "ana");
        asAdmin(tenant, "UPDATE users SET name = 'Ana Renamed', version = version + 1, updated_at = now() WHERE id = :id",
                Map.of("id", user));

        List<JsonNode> rows = items(api.get(tenant.adminKey(),
                "/api/v1/audit?table=users&action=UPDATE&rowId=" + user));
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("table").asString()).isEqualTo("users");
        assertThat(row.get("action").asString()).isEqualTo("UPDATE");
        assertThat(row.get("rowId").asString()).isEqualTo(user.toString());
        assertThat(row.get("userId").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(row.get("userName").asString()).isEqualTo("Admin " + tenant.slug());
        assertThat(row.get("clientIp").asString()).isEqualTo("127.0.0.1");
        assertThat(row.get("userAgent").asString()).isEqualTo("test");
        assertThat(row.get("occurredAt").asString()).isNotBlank();
        // version and updated_at changed too, but they are bookkeeping, not edits.
        assertThat(keys(row.get("oldValues"))).containsExactly("name");
        assertThat(keys(row.get("newValues"))).containsExactly("name");
        assertThat(row.get("oldValues").get("name").asString()).isEqualTo("User ana@" + tenant.slug() + ".test");
        assertThat(row.get("newValues").get("name").asString()).isEqualTo("Ana Renamed");

        List<JsonNode> inserted = items(api.get(tenant.adminKey(), "/api/v1/audit?action=INSERT&rowId=" + user));
        assertThat(inserted).hasSize(1);
        assertThat(inserted.get(0).get("newValues").get("email").asString()).isEqualTo("ana@" + tenant.slug() + ".test");
        assertThat(inserted.get(0).has("oldValues")).isFalse();
    }

    @Test
    void aSettingsChangeThroughTheApiIsAudited() {
        var tenant = fixtures.tenant();
        var current = api.get(tenant.adminKey(), "/api/v1/settings");
        var body = Map.<String, Object>of("name", "Audited Co", "currency", "MXN", "taxRate", 16,
                "pricesIncludeTax", true, "locale", "es", "timeZone", "America/Bogota", "allowNegativeStock", false);
        assertThat(api.put(tenant.adminKey(), "/api/v1/settings", body, Map.of("If-Match", current.header("ETag")))
                .status()).isEqualTo(200);

        List<JsonNode> rows = items(api.get(tenant.adminKey(), "/api/v1/audit?table=tenants&action=UPDATE"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("rowId").asString()).isEqualTo(tenant.id().toString());
        assertThat(rows.get(0).get("userId").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(rows.get(0).get("clientIp").asString()).isEqualTo("127.0.0.1");
        assertThat(keys(rows.get(0).get("newValues"))).containsExactlyInAnyOrder("name", "currency", "tax_rate");
        assertThat(rows.get(0).get("newValues").get("currency").asString()).isEqualTo("MXN");
    }

    @Test
    void aSignUpAndAJoinLinkChangeAreAudited() {
        var tenant = fixtures.tenant();
        List<JsonNode> created = items(api.get(tenant.adminKey(), "/api/v1/audit?table=tenants&action=INSERT"));
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("rowId").asString()).isEqualTo(tenant.id().toString());
        assertThat(created.get(0).get("newValues").get("slug").asString()).isEqualTo(tenant.slug());
        assertThat(created.get(0).get("newValues").get("join_token").asString()).isEqualTo("***");

        assertThat(api.post(tenant.adminKey(), "/api/v1/users/join-link", Map.of()).status()).isEqualTo(200);
        List<JsonNode> changed = items(api.get(tenant.adminKey(), "/api/v1/audit?table=tenants&action=UPDATE"));
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).get("userId").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(keys(changed.get(0).get("newValues"))).containsExactly("join_token");
        assertThat(changed.get(0).get("oldValues").get("join_token").asString()).isEqualTo("***");
        assertThat(changed.get(0).get("newValues").get("join_token").asString()).isEqualTo("***");
    }

    @Test
    void passwordHashesNeverReachTheLogInClear() throws SQLException {
        var tenant = fixtures.tenant();
        UUID user = newUser(tenant, "secret");
        String newHash = "$2a$10$" + "N".repeat(53);
        String oldHash;
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            ResultSet rs = statement.executeQuery("SELECT password_hash FROM users WHERE id = '" + user + "'");
            assertThat(rs.next()).isTrue();
            oldHash = rs.getString(1);
        }
        asAdmin(tenant, "UPDATE users SET password_hash = :hash WHERE id = :id", Map.of("hash", newHash, "id", user));

        List<JsonNode> rows = items(api.get(tenant.adminKey(), "/api/v1/audit?action=UPDATE&rowId=" + user));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("oldValues").get("password_hash").asString()).isEqualTo("***");
        assertThat(rows.get(0).get("newValues").get("password_hash").asString()).isEqualTo("***");

        String everything = api.get(tenant.adminKey(), "/api/v1/audit?limit=200").body();
        assertThat(everything).contains("\"password_hash\":\"***\"");
        assertThat(everything).doesNotContain(oldHash).doesNotContain(newHash);
        assertThat(everything).doesNotContain("$2a$");
    }

    @Test
    void theApplicationCannotRewriteTheAuditLogOrSecurityEvents() throws SQLException {
        var tenant = fixtures.tenant();
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            ResultSet counts = statement.executeQuery(
                    "SELECT (SELECT count(*) FROM audit_log), (SELECT count(*) FROM security_events)");
            counts.next();
            assertThat(counts.getLong(1)).isPositive();
            assertThat(counts.getLong(2)).isPositive();

            assertRefused(statement, "UPDATE audit_log SET action = 'DELETE'");
            assertRefused(statement, "DELETE FROM audit_log");
            assertRefused(statement, "INSERT INTO audit_log (tenant_id, table_name, action) VALUES ('"
                    + tenant.id() + "', 'users', 'DELETE')");
            // It writes one kind of row itself (its company's tenants row, V226), and only that kind.
            var other = fixtures.tenant();
            assertRefused(statement, "INSERT INTO audit_log (tenant_id, table_name, action) VALUES ('"
                    + other.id() + "', 'tenants', 'UPDATE')");
            assertRefused(statement, "SELECT audit_write('tenant_id', 'users', 'DELETE', NULL, "
                    + "jsonb_build_object('tenant_id', '" + tenant.id() + "'))");
            assertRefused(statement, "TRUNCATE audit_log");
            assertRefused(statement, "UPDATE security_events SET risk_level = 'low'");
            assertRefused(statement, "DELETE FROM security_events");
        }
    }

    private static void assertRefused(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                refused -> assertThat(refused.getSQLState()).as(sql).isEqualTo("42501"));
    }

    @Test
    void filtersNarrowTheLog() {
        var tenant = fixtures.tenant();
        Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);
        UUID user = newUser(tenant, "filter");
        for (String name : List.of("One", "Two", "Three")) {
            asAdmin(tenant, "UPDATE users SET name = :name WHERE id = :id", Map.of("name", name, "id", user));
        }
        Instant after = Instant.now().plus(1, ChronoUnit.SECONDS);
        String key = tenant.adminKey();

        assertThat(items(api.get(key, "/api/v1/audit?table=users&rowId=" + user))).hasSize(4);
        assertThat(items(api.get(key, "/api/v1/audit?table=roles&rowId=" + user))).isEmpty();
        assertThat(items(api.get(key, "/api/v1/audit?action=DELETE&rowId=" + user))).isEmpty();
        List<JsonNode> byAdmin = items(api.get(key, "/api/v1/audit?table=users&userId=" + tenant.adminId()));
        assertThat(byAdmin).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("userId").asString()).isEqualTo(tenant.adminId().toString());
            assertThat(row.get("action").asString()).isEqualTo("UPDATE");
        });
        assertThat(items(api.get(key, "/api/v1/audit?rowId=" + user + "&from=" + encode(before) + "&to=" + encode(after))))
                .hasSize(4);
        assertThat(items(api.get(key, "/api/v1/audit?rowId=" + user + "&from=" + encode(after)))).isEmpty();
        assertThat(items(api.get(key, "/api/v1/audit?rowId=" + user + "&to=" + encode(before)))).isEmpty();

        List<String> names = new ArrayList<>();
        String path = "/api/v1/audit?action=UPDATE&limit=2&rowId=" + user;
        while (path != null) {
            JsonNode page = api.get(key, path).json();
            page.get("items").forEach(row -> names.add(row.get("newValues").get("name").asString()));
            JsonNode next = page.get("nextCursor");
            path = next == null || next.isNull() ? null
                    : "/api/v1/audit?action=UPDATE&limit=2&rowId=" + user + "&cursor=" + next.asString();
        }
        assertThat(names).containsExactly("Three", "Two", "One");

        assertThat(api.get(key, "/api/v1/audit?action=TRUNCATE").status()).isEqualTo(400);
        assertThat(api.get(key, "/api/v1/audit?userId=nobody").status()).isEqualTo(400);
        assertThat(api.get(key, "/api/v1/audit?from=yesterday").status()).isEqualTo(400);
        assertThat(api.get(key, "/api/v1/audit?cursor=abc").status()).isEqualTo(400);
    }

    @Test
    void readingTheLogNeedsAuditRead() {
        var tenant = fixtures.tenant();
        UUID seller = newUser(tenant, "seller");
        String sellerKey = fixtures.apiKey(tenant, seller, Set.of("sales.*"), List.of("sales.*"));
        assertThat(api.get(sellerKey, "/api/v1/audit").status()).isEqualTo(403);
        assertThat(api.get(sellerKey, "/api/v1/security-events").status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsRowsAreNeverReturned() throws SQLException {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        UUID userOfA = newUser(a, "private");
        asAdmin(a, "UPDATE users SET name = 'Secret Name Of A' WHERE id = :id", Map.of("id", userOfA));

        assertThat(items(api.get(b.adminKey(), "/api/v1/audit?rowId=" + userOfA))).isEmpty();
        assertThat(items(api.get(b.adminKey(), "/api/v1/audit?userId=" + a.adminId()))).isEmpty();
        var all = api.get(b.adminKey(), "/api/v1/audit?limit=200");
        assertThat(items(all)).isNotEmpty().allSatisfy(row ->
                assertThat(row.path("rowId").asString("")).isNotIn(a.id().toString(), a.adminId().toString(),
                        userOfA.toString()));
        assertThat(all.body()).doesNotContain("Secret Name Of A").doesNotContain(a.slug());

        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + b.id() + "', false)");
            ResultSet rs = statement.executeQuery("SELECT count(*) FROM audit_log WHERE tenant_id <> '" + b.id() + "'");
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
