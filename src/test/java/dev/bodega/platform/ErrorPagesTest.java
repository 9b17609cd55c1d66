package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** An error page keeps the layout and the signed-in user's menu, and says a page's problem in the user's words. */
@BodegaTest
class ErrorPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    @Test
    void aSignedInUserKeepsTheMenuOnA404A403A500AndAPagesProblem() {
        var tenant = fixtures.tenant();
        fixtures.user(tenant, "caja@" + tenant.slug() + ".test", "seller");
        WebSession seller = new WebSession(api.baseUrl()).acceptingHtml();
        assertThat(seller.login(tenant.slug(), "caja@" + tenant.slug() + ".test", TestFixtures.PASSWORD).status())
                .isEqualTo(302);

        WebSession.Page missing = seller.get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("id=\"menu-toggle\"", "id=\"nav-pos\"", "id=\"logout\"",
                "No encontramos lo que busca.");

        WebSession.Page refused = seller.get("/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"nav-pos\"", "id=\"error-message\"", "No tiene permiso para hacer esto.")
                .doesNotContain("href=\"/users\"");

        WebSession.Page problem = seller.get("/inventory/low-stock?cursor=not-a-cursor&lang=en");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.body()).contains("id=\"nav-inventory\"", "id=\"error-message\"", "The request has invalid fields.")
                .doesNotContain("Invalid cursor", "??");

        // A cursor the page never made, of the right shape but whose sort key is no number: refused like any other.
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("x\ny\nz\nw".getBytes(StandardCharsets.UTF_8));
        assertThat(seller.get("/inventory/low-stock?cursor=" + forged).status()).isEqualTo(400);

        WebSession.Page failed = seller.get("/test/failing-page?lang=en");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).contains("id=\"nav-inventory\"", "id=\"logout\"", "Something went wrong. It has been logged.");
    }

    @Test
    void aVisitorSeesTheErrorWithoutAMenu() {
        WebSession.Page missing = new WebSession(api.baseUrl()).acceptingHtml().get("/css/none.css");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("No encontramos lo que busca.").doesNotContain("id=\"menu-toggle\"");
    }
}
