package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The users, roles and profile pages, driven as a browser would: forms with CSRF, redirects, inline messages. */
@BodegaTest
class IdentityPagesTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired MessageSource messages;

    @Test
    void anInvitedUserIsSentToTheProfileToReplaceTheTemporaryPassword() {
        var tenant = fixtures.tenant();
        var admin = signedIn(tenant, tenant.adminEmail(), TestFixtures.PASSWORD);
        var list = admin.get("/users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"users-table\"", "id=\"invite-form\"");

        String email = "nueva@" + tenant.slug() + ".test";
        var invited = admin.post("/users", Map.of("name", "Nueva Persona", "email", email, "phone", "",
                "roleIds", List.of(tenant.roles().get("seller").toString()), "temporaryPassword", "temporal-123"));
        assertThat(invited.status()).isEqualTo(302);
        assertThat(invited.location()).matches(".*/users/[0-9a-f-]{36}\\?invited");
        assertThat(admin.get(path(invited.location())).body()).contains(message("users.invited.notice"));

        var user = new WebSession(api.baseUrl(), "invited");
        var login = user.login(tenant.slug(), email, "temporal-123");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).endsWith("/profile?passwordChangeRequired");
        assertThat(user.get("/profile").body()).contains("id=\"password-change-required\"");

        var wrong = user.post("/profile/password", Map.of("currentPassword", "not-it", "newPassword", "mi-clave-nueva",
                "confirmPassword", "mi-clave-nueva"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"current-password-error\"", message("problem.wrong-password"));
        var mismatch = user.post("/profile/password", Map.of("currentPassword", "temporal-123",
                "newPassword", "mi-clave-nueva", "confirmPassword", "otra-clave"));
        assertThat(mismatch.body()).contains("id=\"confirm-password-error\"", message("profile.password.mismatch"));
        var tooShort = user.post("/profile/password", Map.of("currentPassword", "temporal-123",
                "newPassword", "corta", "confirmPassword", "corta"));
        assertThat(tooShort.body()).contains("id=\"new-password-error\"");

        var changed = user.post("/profile/password", Map.of("currentPassword", "temporal-123",
                "newPassword", "mi-clave-nueva", "confirmPassword", "mi-clave-nueva"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(changed.location()).endsWith("/profile?passwordChanged");
        assertThat(user.get("/profile").body()).doesNotContain("id=\"password-change-required\"");
        var again = new WebSession(api.baseUrl(), "invited").login(tenant.slug(), email, "mi-clave-nueva");
        assertThat(again.location()).endsWith("/");
    }

    @Test
    void aStaleVersionIsShownNextToTheForm() {
        var tenant = fixtures.tenant();
        var admin = signedIn(tenant, tenant.adminEmail(), TestFixtures.PASSWORD);
        String email = "edit@" + tenant.slug() + ".test";
        UUID id = fixtures.user(tenant, email, "viewer");
        var page = admin.get("/users/" + id);
        assertThat(page.status()).isEqualTo(200);
        String version = hidden(page.body(), "version");

        var current = api.get(tenant.adminKey(), "/api/v1/users/" + id);
        api.put(tenant.adminKey(), "/api/v1/users/" + id, Map.of("name", "Changed Elsewhere", "email", email,
                "active", true), Map.of("If-Match", current.header("etag")));

        var stale = admin.post("/users/" + id, Map.of("version", version, "name", "Mine", "email", email, "phone", ""));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("id=\"user-form-error\"", message("users.problem.stale-version"), "id=\"user-reload\"");
        var staleRoles = admin.post("/users/" + id + "/roles", Map.of("version", version,
                "roleIds", List.of(tenant.roles().get("seller").toString())));
        assertThat(staleRoles.body()).contains("id=\"roles-error\"", message("users.problem.stale-version"));

        String fresh = hidden(admin.get("/users/" + id).body(), "version");
        var taken = admin.post("/users/" + id, Map.of("version", fresh, "name", "Mine", "email", tenant.adminEmail()));
        assertThat(taken.body()).contains(message("problem.email-taken"));
        var saved = admin.post("/users/" + id, Map.of("version", fresh, "name", "Mine", "email", email, "phone", "555"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/users/" + id + "?saved");
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + id).json().get("name").asString()).isEqualTo("Mine");

        String afterSave = hidden(admin.get("/users/" + id).body(), "version");
        var roles = admin.post("/users/" + id + "/roles", Map.of("version", afterSave,
                "roleIds", List.of(tenant.roles().get("seller").toString(), tenant.roles().get("viewer").toString())));
        assertThat(roles.location()).endsWith("?rolesSaved");
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + id).json().get("roles").size()).isEqualTo(2);
    }

    @Test
    void usersAreDeactivatedAndReactivatedFromTheList() {
        var tenant = fixtures.tenant();
        var admin = signedIn(tenant, tenant.adminEmail(), TestFixtures.PASSWORD);
        UUID id = fixtures.user(tenant, "toggle@" + tenant.slug() + ".test", "viewer");
        admin.get("/users");

        var off = admin.post("/users/" + id + "/active", Map.of("active", "false", "version", "0"));
        assertThat(off.status()).isEqualTo(302);
        assertThat(admin.get("/users?status=inactive").body()).contains(message("users.deactivated"), "user-" + id);
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + id).json().get("active").asBoolean()).isFalse();

        admin.post("/users/" + id + "/active", Map.of("active", "true", "version", "1"));
        assertThat(admin.get("/users?status=active").body()).contains(message("users.reactivated"), "user-" + id);

        admin.post("/users/" + tenant.adminId() + "/active", Map.of("active", "false", "version", "0"));
        assertThat(admin.get("/users").body()).contains(message("problem.self-change"));
        assertThat(admin.get("/users?q=toggle").body()).contains("user-" + id).doesNotContain("user-" + tenant.adminId());
    }

    @Test
    void rolesAreCreatedEditedAndDeletedInPages() {
        var tenant = fixtures.tenant();
        var admin = signedIn(tenant, tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/roles").body()).contains("id=\"role-admin\"", "id=\"role-create-form\"");

        var invalid = admin.post("/roles", Map.of("name", "clerk", "description", "",
                "permissions", "sales.read\nNot Valid\n"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains(messages.getMessage("roles.permissions.invalid", new Object[] {"Not Valid"}, SPANISH));

        var created = admin.post("/roles", Map.of("name", "clerk", "description", "Front desk",
                "permissions", "sales.read\r\n\r\ncatalog.read\r\n"));
        assertThat(created.status()).isEqualTo(302);
        String rolePath = path(created.location()).replace("?created", "");
        var page = admin.get(rolePath);
        assertThat(page.body()).contains("sales.read\ncatalog.read");

        var stale = admin.post(rolePath, Map.of("version", "7", "name", "clerk", "permissions", "sales.*"));
        assertThat(stale.body()).contains("id=\"role-form-error\"", message("roles.problem.stale-version"));
        admin.get(rolePath);
        var saved = admin.post(rolePath, Map.of("version", "0", "name", "clerk", "permissions", "sales.*"));
        assertThat(saved.location()).endsWith("?saved");

        String viewerPath = "/roles/" + tenant.roles().get("viewer");
        String viewerDescription = message("role.viewer.description");
        assertThat(admin.get(viewerPath).body()).contains("value=\"" + viewerDescription + "\"");
        var untouched = admin.post(viewerPath, Map.of("version", "0", "name", "viewer",
                "description", viewerDescription, "permissions", "*.read\ncatalog.read"));
        assertThat(untouched.location()).endsWith("?saved");
        var viewerRole = api.get(tenant.adminKey(), "/api/v1/roles/" + tenant.roles().get("viewer")).json();
        assertThat(viewerRole.get("description").asString()).isEqualTo("role.viewer.description");
        assertThat(viewerRole.get("permissions").size()).isEqualTo(2);

        var builtIn = admin.post("/roles/" + tenant.roles().get("viewer") + "/delete", Map.of());
        assertThat(builtIn.status()).isEqualTo(302);
        assertThat(admin.get(path(builtIn.location())).body()).contains(message("problem.system-role"));
        var deleted = admin.post(rolePath + "/delete", Map.of());
        assertThat(path(deleted.location())).isEqualTo("/roles");
        assertThat(admin.get("/roles").body()).contains(message("roles.deleted")).doesNotContain("id=\"role-clerk\"");
    }

    @Test
    void aViewerSeesUsersButCannotChangeThem() {
        var tenant = fixtures.tenant();
        String email = "viewer@" + tenant.slug() + ".test";
        fixtures.user(tenant, email, "viewer");
        var viewer = signedIn(tenant, email, TestFixtures.PASSWORD);
        var list = viewer.get("/users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("id=\"invite-form\"").doesNotContain("class=\"secondary deactivate\"");
        assertThat(viewer.get("/users/" + tenant.adminId()).body()).doesNotContain("id=\"user-sessions\"");
        var refused = viewer.post("/users", Map.of("name", "X", "email", "x@" + tenant.slug() + ".test",
                "temporaryPassword", "temporal-123"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(viewer.get("/profile").status()).isEqualTo(200);
    }

    @Test
    void sessionsAreEndedFromTheProfileAndTheUserPage() {
        var tenant = fixtures.tenant();
        String email = "two@" + tenant.slug() + ".test";
        UUID id = fixtures.user(tenant, email, "seller");
        var laptop = signedIn(tenant, email, TestFixtures.PASSWORD);
        var phone = signedIn(tenant, email, TestFixtures.PASSWORD);
        var tablet = signedIn(tenant, email, TestFixtures.PASSWORD);

        Matcher endForm = Pattern.compile("action=\"(/profile/sessions/[0-9a-f]+/end)\"").matcher(laptop.get("/profile").body());
        assertThat(endForm.find()).isTrue();
        var ended = laptop.post(endForm.group(1), Map.of());
        assertThat(ended.location()).endsWith("/profile?sessionEnded");
        assertThat(laptop.get("/").status()).isEqualTo(200);
        assertThat(phone.get("/").status() == 302 || tablet.get("/").status() == 302).isTrue();
        assertThat(laptop.post("/profile/sessions/0123456789abcdef0123456789abcdef/end", Map.of()).status())
                .isEqualTo(404);

        var admin = signedIn(tenant, tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/users/" + id).body()).contains("id=\"end-all-sessions\"");
        var all = admin.post("/users/" + id + "/sessions/end", Map.of());
        assertThat(admin.get(path(all.location())).body()).contains("id=\"sessions-ended\"");
        assertThat(laptop.get("/").status()).isEqualTo(302);
    }

    @Test
    void thePagesSpeakEnglishOnRequest() {
        var tenant = fixtures.tenant();
        var admin = signedIn(tenant, tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/users?lang=en").body()).contains(messages.getMessage("users.invite.title", null, Locale.ENGLISH));
        assertThat(admin.get("/roles").body()).contains(messages.getMessage("roles.create.title", null, Locale.ENGLISH));
        assertThat(admin.get("/profile").body()).contains(messages.getMessage("profile.password.title", null, Locale.ENGLISH));
    }

    private WebSession signedIn(TestFixtures.Tenant tenant, String email, String password) {
        var browser = new WebSession(api.baseUrl(), "pages-test");
        assertThat(browser.login(tenant.slug(), email, password).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }

    private String message(String key) {
        return messages.getMessage(key, null, SPANISH);
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("hidden field " + name).isTrue();
        return m.group(1);
    }

    /** Redirects may be absolute or relative; pages are fetched by path. */
    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
