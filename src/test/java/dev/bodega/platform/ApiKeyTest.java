package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestClock;
import dev.bodega.support.TestFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class ApiKeyTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired MeterRegistry meters;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aKeyWorksUntilRevoked() {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/api-keys",
                Map.of("name", "till 1", "permissions", List.of("users.read")));
        assertThat(created.status()).isEqualTo(201);
        String key = created.json().get("key").asString();
        String id = created.json().get("id").asString();

        assertThat(api.get(key, "/api/v1/api-keys").status()).isEqualTo(403);
        assertThat(api.get(key, "/api/v1/users").status()).isEqualTo(200);

        assertThat(api.delete(tenant.adminKey(), "/api/v1/api-keys/" + id).status()).isEqualTo(204);
        var refused = api.get(key, "/api/v1/users");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void aKeyRevokedByAnotherServerIsRefusedWithinASecondThoughServedFromMemory() throws Exception {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/api-keys",
                Map.of("name", "till 2", "permissions", List.of("users.read")));
        String key = created.json().get("key").asString();
        assertThat(api.get(key, "/api/v1/me").status()).isEqualTo(200);
        double before = meters.counter("bodega.api_keys.reads", "from", "memory").count();
        assertThat(api.get(key, "/api/v1/me").status()).isEqualTo(200);
        assertThat(meters.counter("bodega.api_keys.reads", "from", "memory").count()).isEqualTo(before + 1);

        // Straight into the database, as another Bodega server would: the change and its announcement in one
        // transaction; only the announcement reaches this server.
        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', true)");
            assertThat(statement.executeUpdate("UPDATE api_keys SET revoked_at = now() WHERE tenant_id = '"
                    + tenant.id() + "' AND id = '" + created.json().get("id").asString() + "'")).isEqualTo(1);
            statement.execute("SELECT pg_notify('bodega_auth', '')");
            connection.commit();
        }
        long revoked = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - revoked < Duration.ofSeconds(1).toNanos()) {
            status = api.get(key, "/api/v1/me").status();
        }
        assertThat(status).as("refused within a second of the revocation").isEqualTo(401);
    }

    @Test
    void aBearerRequestOpensNoSession() {
        var tenant = fixtures.tenant();
        var me = api.get(tenant.adminKey(), "/api/v1/me");
        var created = api.post(tenant.adminKey(), "/api/v1/api-keys", Map.of("name", "no session",
                "permissions", List.of("users.read")));
        var refused = api.get(created.json().get("key").asString(), "/api/v1/api-keys");
        assertThat(List.of(me.status(), created.status(), refused.status())).containsExactly(200, 201, 403);
        for (var response : List.of(me, created, refused)) {
            assertThat(response.header("set-cookie")).as(response.body()).isNull();
        }
    }

    @Test
    void anExpiredKeyStopsWorking() {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/api-keys", Map.of("name", "short", "permissions",
                List.of("users.read"), "expiresAt", clock.instant().plus(Duration.ofHours(1)).toString()));
        String key = created.json().get("key").asString();
        assertThat(api.get(key, "/api/v1/users").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));
        assertThat(api.get(key, "/api/v1/users").status()).isEqualTo(401);
    }

    @Test
    void aKeyCannotGrantMoreThanItsCreatorHolds() {
        var tenant = fixtures.tenant();
        var seller = fixtures.user(tenant, "seller@" + tenant.slug() + ".test", "seller");
        String sellerKey = fixtures.apiKey(tenant, seller, Set.of("sales.*", "apikeys.use"), List.of("sales.*"));
        var refused = api.post(sellerKey, "/api/v1/api-keys", Map.of("name", "x", "permissions", List.of("users.read")));
        assertThat(refused.status()).isIn(403);
    }

    @Test
    void onlyTheHashIsStored() throws Exception {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/api-keys",
                Map.of("name", "stored", "permissions", List.of("users.read")));
        String key = created.json().get("key").asString();
        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            ResultSet rows = statement.executeQuery("SELECT prefix, key_hash, api_keys::text AS whole FROM api_keys");
            int count = 0;
            while (rows.next()) {
                count++;
                assertThat(rows.getString("whole")).doesNotContain(key.substring(4));
                assertThat(rows.getString("key_hash")).hasSize(64);
            }
            assertThat(count).isEqualTo(2);
        }
    }
}
