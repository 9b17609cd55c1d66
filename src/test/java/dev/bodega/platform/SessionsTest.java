package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Web sessions: each user sees and ends their own; admins end a user's; deactivation and a new password end them. */
@BodegaTest
class SessionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    @Test
    void aUserEndsAnotherOfTheirSessionsWhichIsThenLoggedOut() throws Exception {
        var tenant = fixtures.tenant();
        var laptop = signedIn(tenant, tenant.adminEmail(), "Laptop Firefox");
        var phone = signedIn(tenant, tenant.adminEmail(), "Phone Safari");

        JsonNode sessions = mySessions(laptop);
        assertThat(sessions.size()).isEqualTo(2);
        JsonNode current = find(sessions, "Laptop Firefox");
        JsonNode other = find(sessions, "Phone Safari");
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(other.get("current").asBoolean()).isFalse();
        assertThat(other.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(other.get("createdAt").asString()).isNotBlank();
        assertThat(other.get("lastActivity").asString()).isNotBlank();

        assertThat(laptop.api("DELETE", "/api/v1/me/sessions/" + other.get("id").asString(), null).status())
                .isEqualTo(204);

        assertThat(phone.api("GET", "/api/v1/me", null).status()).isEqualTo(401);
        var page = phone.get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login");
        assertThat(laptop.get("/").status()).isEqualTo(200);
        assertThat(mySessions(laptop).size()).isEqualTo(1);
        assertThat(laptop.api("DELETE", "/api/v1/me/sessions/" + other.get("id").asString(), null).status())
                .isEqualTo(404);
        assertThat(securityEvents(tenant, "SESSION_ENDED")).isEqualTo(1);
    }

    @Test
    void sessionIdsAreNotTheSessionCookie() {
        var tenant = fixtures.tenant();
        var laptop = signedIn(tenant, tenant.adminEmail(), "Laptop Firefox");
        String sessionId = new String(java.util.Base64.getDecoder().decode(laptop.cookie("SESSION")));
        JsonNode listed = mySessions(laptop);
        assertThat(listed.get(0).get("current").asBoolean()).isTrue();
        assertThat(listed.toString()).doesNotContain(sessionId).doesNotContain(laptop.cookie("SESSION"));
    }

    @Test
    void nobodyEndsSomeoneElsesSessionThroughTheirOwnList() {
        var tenant = fixtures.tenant();
        String email = "clerk@" + tenant.slug() + ".test";
        fixtures.user(tenant, email, "seller");
        var clerk = signedIn(tenant, email, "Clerk Chrome");
        String clerkSession = mySessions(clerk).get(0).get("id").asString();

        var refused = api.delete(tenant.adminKey(), "/api/v1/me/sessions/" + clerkSession);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(clerk.get("/").status()).isEqualTo(200);
    }

    @Test
    void withAnApiKeyNoSessionIsCurrent() {
        var tenant = fixtures.tenant();
        signedIn(tenant, tenant.adminEmail(), "Laptop Firefox");
        var listed = api.get(tenant.adminKey(), "/api/v1/me/sessions");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items").size()).isEqualTo(1);
        assertThat(listed.json().get("items").get(0).get("current").asBoolean()).isFalse();
    }

    @Test
    void anAdminEndsAllSessionsOfAUser() {
        var tenant = fixtures.tenant();
        String email = "tech@" + tenant.slug() + ".test";
        UUID tech = fixtures.user(tenant, email, "technician");
        var one = signedIn(tenant, email, "Tablet");
        var two = signedIn(tenant, email, "Phone");

        var listed = api.get(tenant.adminKey(), "/api/v1/users/" + tech + "/sessions");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("items").size()).isEqualTo(2);

        assertThat(api.delete(tenant.adminKey(), "/api/v1/users/" + tech + "/sessions").status()).isEqualTo(204);
        assertThat(one.get("/").status()).isEqualTo(302);
        assertThat(two.get("/").status()).isEqualTo(302);
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + tech + "/sessions").json().get("items").size())
                .isZero();
    }

    @Test
    void deactivatingOrDeletingAUserEndsTheirSessions() {
        var tenant = fixtures.tenant();
        String email = "temp@" + tenant.slug() + ".test";
        UUID temp = fixtures.user(tenant, email, "seller");
        var browser = signedIn(tenant, email, "Kiosk");

        var user = api.get(tenant.adminKey(), "/api/v1/users/" + temp);
        api.put(tenant.adminKey(), "/api/v1/users/" + temp, Map.of("name", "Temp", "email", email, "active", false),
                Map.of("If-Match", user.header("etag")));
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + temp + "/sessions").json().get("items").size()).isZero();
        assertThat(browser.get("/").status()).isEqualTo(302);

        String other = "other@" + tenant.slug() + ".test";
        UUID second = fixtures.user(tenant, other, "seller");
        var secondBrowser = signedIn(tenant, other, "Kiosk");
        assertThat(api.delete(tenant.adminKey(), "/api/v1/users/" + second).status()).isEqualTo(204);
        assertThat(secondBrowser.get("/").status()).isEqualTo(302);
        assertThat(secondBrowser.login(tenant.slug(), other, TestFixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsTheOtherSessions() throws Exception {
        var tenant = fixtures.tenant();
        var laptop = signedIn(tenant, tenant.adminEmail(), "Laptop Firefox");
        var phone = signedIn(tenant, tenant.adminEmail(), "Phone Safari");

        var wrong = laptop.api("PUT", "/api/v1/me/password", json(Map.of("currentPassword", "not-it",
                "newPassword", "a-brand-new-password")));
        assertThat(wrong.status()).isEqualTo(422);
        var tooShort = laptop.api("PUT", "/api/v1/me/password", json(Map.of("currentPassword", TestFixtures.PASSWORD,
                "newPassword", "short")));
        assertThat(tooShort.status()).isEqualTo(400);
        var tooLong = laptop.api("PUT", "/api/v1/me/password", json(Map.of("currentPassword", TestFixtures.PASSWORD,
                "newPassword", "x".repeat(73))));
        assertThat(tooLong.status()).isEqualTo(400);

        var changed = laptop.api("PUT", "/api/v1/me/password", json(Map.of("currentPassword", TestFixtures.PASSWORD,
                "newPassword", "a-brand-new-password")));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(phone.get("/").status()).isEqualTo(302);
        assertThat(laptop.get("/").status()).isEqualTo(200);
        assertThat(securityEvents(tenant, "PASSWORD_CHANGED")).isEqualTo(1);

        var fresh = new WebSession(api.baseUrl(), "Desktop");
        assertThat(fresh.login(tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(fresh.login(tenant.slug(), tenant.adminEmail(), "a-brand-new-password").status()).isEqualTo(302);
    }

    @Test
    void myDataAndPermissions() {
        var tenant = fixtures.tenant();
        var browser = signedIn(tenant, tenant.adminEmail(), "Laptop");
        var me = browser.api("GET", "/api/v1/me", null);
        assertThat(me.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("id").asString()).isEqualTo(tenant.adminId().toString());
        assertThat(body.get("email").asString()).isEqualTo(tenant.adminEmail());
        assertThat(body.get("permissions").get(0).asString()).isEqualTo("*");
        assertThat(body.get("viaApiKey").asBoolean()).isFalse();
        assertThat(api.get(tenant.adminKey(), "/api/v1/me").json().get("viaApiKey").asBoolean()).isTrue();
    }

    private WebSession signedIn(TestFixtures.Tenant tenant, String email, String agent) {
        var browser = new WebSession(api.baseUrl(), agent);
        assertThat(browser.login(tenant.slug(), email, TestFixtures.PASSWORD).status()).isEqualTo(302);
        // A page carries the CSRF token the session's API calls need.
        assertThat(browser.get("/").status()).isEqualTo(200);
        return browser;
    }

    private static JsonNode mySessions(WebSession browser) {
        var response = browser.api("GET", "/api/v1/me/sessions", null);
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.body()).get("items");
    }

    private static JsonNode find(JsonNode sessions, String agent) {
        List<JsonNode> found = new ArrayList<>();
        sessions.forEach(s -> {
            if (s.has("userAgent") && agent.equals(s.get("userAgent").asString())) {
                found.add(s);
            }
        });
        assertThat(found).as("the session of %s among %s", agent, sessions).hasSize(1);
        return found.get(0);
    }

    private int securityEvents(TestFixtures.Tenant tenant, String type) throws Exception {
        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            ResultSet rows = statement.executeQuery("SELECT count(*) FROM security_events WHERE event_type = '" + type + "'");
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
