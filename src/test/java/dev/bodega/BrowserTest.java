package dev.bodega;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The UI in a real browser: Debian's Chromium driven by Playwright (no browser download). */
@BodegaTest
class BrowserTest extends BrowserTestBase {


    @Autowired TestFixtures fixtures;


    @Test
    void signUpLogInSwitchLanguageAndLogOut() {
        String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        page.navigate("/signup");
        page.fill("#companyName", "Ferretería " + slug);
        page.fill("#slug", slug);
        page.fill("#adminName", "Bruno Navegador");
        page.fill("#email", "bruno@" + slug + ".test");
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#signup-submit");

        page.waitForURL("**/login?**");
        assertThat(page.locator("#company")).hasValue(slug);
        page.fill("#email", "bruno@" + slug + ".test");
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#dashboard-title")).hasText("Inicio");
        // The page's own scripts ran under the Content-Security-Policy (no inline script is left to refuse).
        assertThat(page.locator("html.js")).hasCount(1);

        page.click("#lang-en");
        assertThat(page.locator("#dashboard-title")).hasText("Dashboard");

        page.click("#logout");
        page.waitForURL("**/login?logout");
        assertThat(page.locator("#login-submit")).isVisible();
    }

    @Test
    void anApiKeyIsShownOnceAndCanBeRevoked() {
        var tenant = fixtures.tenant();
        logIn(tenant.slug(), tenant.adminEmail());
        page.navigate("/api-keys");

        page.click("#api-key-create");
        assertThat(page.locator("#name ~ .field-error")).isVisible();

        page.fill("#name", "browser key");
        page.fill("#permissions", "apikeys.use\nusers.read");
        page.click("#api-key-create");
        assertThat(page.locator("#new-key-warning")).isVisible();
        String key = page.locator("#new-key").textContent().trim();
        assertThat(key).startsWith("bdg_");
        assertThat(api.get(key, "/api/v1/api-keys").status()).isEqualTo(200);

        page.click("#back-to-keys");
        Locator row = page.locator(".api-key-row", new Page.LocatorOptions().setHasText("browser key"));
        assertThat(row).isVisible();
        assertThat(row).containsText(key.substring(0, 12));
        assertThat(page.content()).doesNotContain(key);

        row.locator("button.revoke").click();
        assertThat(page.locator("#revoked-notice")).isVisible();
        assertThat(row.locator("button.revoke")).hasCount(0);
        assertThat(api.get(key, "/api/v1/api-keys").status()).isEqualTo(401);
    }

    @Test
    void aPermissionTheUserLacksIsRefusedInline() {
        var tenant = fixtures.tenant();
        String email = "manager@" + tenant.slug() + ".test";
        fixtures.user(tenant, email, "manager");
        logIn(tenant.slug(), email);
        page.navigate("/api-keys");

        page.fill("#name", "too much");
        page.fill("#permissions", "users.write");
        page.click("#api-key-create");
        assertThat(page.locator("#permissions-error")).containsText("users.write");
        assertThat(page.locator("#name")).hasValue("too much");
        assertThat(page.locator("#new-key")).hasCount(0);
    }

    private void logIn(String company, String email) {
        page.navigate("/login");
        page.fill("#company", company);
        page.fill("#email", email);
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#dashboard-title")).isVisible();
    }
}
