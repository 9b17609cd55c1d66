package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestClock;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Five wrong passwords lock an account for 15 minutes, even against the right password. */
@BodegaTest
class LockoutTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired MessageSource messages;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilFifteenMinutesPass() {
        var tenant = fixtures.tenant();
        var browser = new WebSession(api.baseUrl(), "lockout-test");
        for (int attempt = 1; attempt <= 4; attempt++) {
            var refused = browser.login(tenant.slug(), tenant.adminEmail(), "wrong-password-" + attempt);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body()).contains(message("login.error.bad_credentials"));
        }
        var fifth = browser.login(tenant.slug(), tenant.adminEmail(), "wrong-password-5");
        assertThat(fifth.body()).contains(message("login.error.locked"));

        var sixth = browser.login(tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(sixth.status()).isEqualTo(200);
        assertThat(sixth.body()).contains(message("login.error.locked"));
        assertThat(browser.get("/").status()).isEqualTo(302);

        clock.advance(Duration.ofMinutes(14));
        assertThat(browser.login(tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD).body())
                .contains(message("login.error.locked"));

        clock.advance(Duration.ofMinutes(2));
        var signedIn = browser.login(tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void aLockOnOneUserDoesNotLockAnother() {
        var tenant = fixtures.tenant();
        String other = "other@" + tenant.slug() + ".test";
        fixtures.user(tenant, other, "viewer");
        var browser = new WebSession(api.baseUrl(), "lockout-test");
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.login(tenant.slug(), tenant.adminEmail(), "wrong-password");
        }
        assertThat(new WebSession(api.baseUrl(), "lockout-test").login(tenant.slug(), other, TestFixtures.PASSWORD)
                .status()).isEqualTo(302);
    }

    private String message(String key) {
        return messages.getMessage(key, null, Locale.forLanguageTag("es"));
    }
}
