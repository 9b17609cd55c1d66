package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import dev.bodega.support.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit, security, notifications and settings pages, driven like a browser would (session cookie, CSRF). */
@BodegaTest
class AdminPagesTest {

    private static final Pattern BADGE = Pattern.compile("id=\"unread-count\"[^>]*>(\\d+)<");
    private static final Pattern VERSION = Pattern.compile("id=\"settings-version\" value=\"(\\d+)\"");

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    /** One signed-in browser: its page requests ask for HTML and it follows redirects. */
    private WebSession session(TestFixtures.Tenant tenant, String email) {
        WebSession session = new WebSession(api.baseUrl()).acceptingHtml().followingRedirects();
        Page home = session.login(tenant.slug(), email, TestFixtures.PASSWORD);
        assertThat(home.body()).contains("id=\"dashboard-title\"");
        return session;
    }

    private static Map<String, String> settingsForm(String name, String version) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("currency", "COP");
        form.put("taxRate", "19");
        form.put("_pricesIncludeTax", "on");
        form.put("locale", "es");
        form.put("timeZone", "America/Bogota");
        form.put("allowNegativeStock", "true");
        form.put("_allowNegativeStock", "on");
        form.put("version", version);
        return form;
    }

    @Test
    void settingsAreEditedWithInlineErrorsAndStaleVersionsAreCaught() {
        var tenant = fixtures.tenant();
        WebSession browser = session(tenant, tenant.adminEmail());
        Page page = browser.get("/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"settings-form\"").contains("Company " + tenant.slug())
                .contains("id=\"settings-submit\"");
        String version = page.find(VERSION);

        Map<String, String> bad = settingsForm("Tienda Sur", version);
        bad.put("currency", "ZZZ");
        bad.put("taxRate", "100");
        bad.put("timeZone", "Nowhere/Land");
        Page refused = browser.post("/settings", bad);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Use un código de moneda ISO 4217 válido")
                .contains("Indique un porcentaje entre 0 y 99,99").contains("Zona horaria desconocida")
                .contains("value=\"ZZZ\"");
        Map<String, String> notANumber = settingsForm("Tienda Sur", version);
        notANumber.put("taxRate", "abc");
        assertThat(browser.post("/settings", notANumber).body()).contains("Indique un porcentaje entre 0 y 99,99");

        Page saved = browser.post("/settings", settingsForm("Tienda Sur", version));
        assertThat(saved.uri().getPath()).isEqualTo("/settings");
        assertThat(saved.body()).contains("id=\"settings-saved\"").contains("value=\"Tienda Sur\"");
        var json = api.get(tenant.adminKey(), "/api/v1/settings").json();
        assertThat(json.get("currency").asString()).isEqualTo("COP");
        assertThat(json.get("pricesIncludeTax").asBoolean()).as("unchecked box").isFalse();
        assertThat(json.get("allowNegativeStock").asBoolean()).isTrue();

        Page stale = browser.post("/settings", settingsForm("Lost update", version));
        assertThat(stale.body()).contains("id=\"settings-stale\"").contains("value=\"Tienda Sur\"")
                .doesNotContain("value=\"Lost update\"");
        assertThat(stale.find(VERSION)).isEqualTo(String.valueOf(Long.parseLong(version) + 1));
    }

    @Test
    void aViewerSeesTheSettingsButCannotSaveThem() {
        var tenant = fixtures.tenant();
        String email = "viewer@" + tenant.slug() + ".test";
        fixtures.user(tenant, email, "viewer");
        WebSession browser = session(tenant, email);
        Page page = browser.get("/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"settings-submit\"");
        assertThat(browser.post("/settings", settingsForm("Viewer", page.find(VERSION))).status()).isEqualTo(403);
    }

    @Test
    void theAuditPageFiltersAndPages() {
        var tenant = fixtures.tenant();
        UUID user = fixtures.user(tenant, "paged@" + tenant.slug() + ".test", "seller");
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> transactions.execute(tx -> {
            for (int i = 1; i <= 55; i++) {
                jdbc.sql("UPDATE users SET name = :name WHERE id = :id").param("name", "Name " + i).param("id", user)
                        .update();
            }
            return null;
        }));
        WebSession browser = session(tenant, tenant.adminEmail());

        Page first = browser.get("/audit?table=users&action=UPDATE&row=" + user);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"audit-table\"").contains("{&quot;name&quot;:&quot;Name 55&quot;}")
                .contains("Admin " + tenant.slug()).contains("127.0.0.1");
        assertThat(count(first.body(), "class=\"audit-row\"")).isEqualTo(50);
        Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(first.body());
        assertThat(next.find()).isTrue();

        Page second = browser.get(next.group(1).replace("&amp;", "&"));
        assertThat(count(second.body(), "class=\"audit-row\"")).isEqualTo(5);
        assertThat(second.body()).contains("{&quot;name&quot;:&quot;Name 1&quot;}").doesNotContain("id=\"next-page\"")
                .contains("id=\"first-page\"");

        Page created = browser.get("/audit?table=users&action=INSERT");
        assertThat(created.status()).isEqualTo(200);
        // The users were created outside any signed-in request: no one to name.
        assertThat(created.body()).contains("Sistema").doesNotContain("id=\"next-page\"");
        assertThat(count(created.body(), "class=\"audit-row\"")).isEqualTo(2);

        Page invalid = browser.get("/audit?user=someone&from=soon");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(count(invalid.body(), "Valor no válido.")).isEqualTo(2);
        assertThat(invalid.body()).contains("id=\"audit-empty\"");
    }

    @Test
    void theSecurityPageFollowsTheLockoutLink() {
        var tenant = fixtures.tenant();
        WebSession browser = session(tenant, tenant.adminEmail());
        Page mine = browser.get("/security-events?user=" + tenant.adminId());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("id=\"security-events-table\"").contains("Inicio de sesión")
                .contains("selected=\"selected\"");
        Page locked = browser.get("/security-events?user=" + tenant.adminId() + "&type=ACCOUNT_LOCKED");
        assertThat(locked.body()).contains("id=\"security-events-empty\"");
        Page english = browser.get("/security-events?type=LOGIN_SUCCESS&lang=en");
        assertThat(english.body()).contains("Signed in").contains("Security events");
    }

    @Test
    void markingNotificationsReadUpdatesTheBadge() {
        var tenant = fixtures.tenant();
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> {
            for (String title : List.of("Stock low", "New order")) {
                notifications.send(new Notifications.Notice(tenant.adminId(), title, "", "alert", "high",
                        "/security-events?user=" + tenant.adminId()));
            }
            return null;
        });
        WebSession browser = session(tenant, tenant.adminEmail());
        Page page = browser.get("/notifications");
        assertThat(page.find(BADGE)).isEqualTo("2");
        assertThat(page.body()).contains("Stock low").contains("New order")
                .contains("href=\"/security-events?user=" + tenant.adminId() + "\"");

        String id = api.get(tenant.adminKey(), "/api/v1/notifications").json().get("items").get(0).get("id").asString();
        Page afterOne = browser.post("/notifications/" + id + "/read", Map.of("unread", "false"));
        assertThat(afterOne.uri().getPath()).isEqualTo("/notifications");
        assertThat(afterOne.find(BADGE)).isEqualTo("1");
        assertThat(afterOne.body()).doesNotContain("id=\"mark-read-" + id + "\"");

        Page unreadOnly = browser.get("/notifications?unread=true");
        assertThat(count(unreadOnly.body(), "class=\"notification unread\"")).isEqualTo(1);

        Page afterAll = browser.post("/notifications/read-all", Map.of("unread", "true"));
        assertThat(afterAll.find(BADGE)).isNull();
        assertThat(afterAll.body()).contains("id=\"notifications-empty\"");

        var other = fixtures.tenant();
        WebSession stranger = session(other, other.adminEmail());
        stranger.get("/notifications");
        assertThat(stranger.post("/notifications/" + id + "/read", Map.of()).status()).isEqualTo(404);
    }

    private static int count(String text, String fragment) {
        int count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + fragment.length())) {
            count++;
        }
        return count;
    }
}
