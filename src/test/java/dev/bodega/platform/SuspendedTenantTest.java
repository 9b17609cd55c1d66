package dev.bodega.platform;

import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A suspended company is shut out at once: no sign-in, no API key, no session already open. */
@BodegaTest
class SuspendedTenantTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired EmbeddedDatabase database;
    @Autowired MessageSource messages;

    @Test
    void aSuspendedCompanyCannotSignInNorUseItsKeys() throws Exception {
        var tenant = fixtures.tenant();
        var before = new WebSession(api.baseUrl(), "suspended-test");
        assertThat(before.login(tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD).status()).isEqualTo(302);
        assertThat(api.get(tenant.adminKey(), "/api/v1/me").status()).isEqualTo(200);
        var neighbour = fixtures.tenant();

        suspend(tenant.id());

        var login = new WebSession(api.baseUrl(), "suspended-test")
                .login(tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains(messages.getMessage("login.error.tenant_inactive", null, Locale.forLanguageTag("es")));

        var refused = api.get(tenant.adminKey(), "/api/v1/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo(Problems.TYPE_BASE + "tenant-suspended");

        var open = before.get("/");
        assertThat(open.status()).isEqualTo(302);
        assertThat(open.location()).contains("/login?suspended");

        assertThat(api.get(neighbour.adminKey(), "/api/v1/users").status()).isEqualTo(200);
    }

    private void suspend(UUID tenantId) throws Exception {
        try (Connection c = database.superuserDataSource().getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE tenants SET status = 'suspended' WHERE id = ?")) {
            s.setObject(1, tenantId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
