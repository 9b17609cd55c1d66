package dev.bodega.platform;

import dev.bodega.platform.internal.web.RateLimits;
import dev.bodega.platform.internal.web.RateLimits.Kind;
import dev.bodega.platform.internal.web.RateLimits.Limit;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past a limit, 429 with Retry-After (problem+json on the API, an inline message on a page), and the caller is let
 * in again once that time has passed. Each test gives a tiny limit to its own caller only (one address, one account,
 * one key): the limits of everyone else, and of every other test, stay as configured.
 */
@BodegaTest
class RateLimitsTest {

    /** Long enough that a slow first request (a password hash on a loaded machine) is still inside it. */
    private static final Limit ONE_IN_FIVE_SECONDS = new Limit(1, Duration.ofSeconds(5));

    @Autowired Api api;
    @Autowired TestFixtures fixtures;
    @Autowired RateLimits limits;
    @Autowired OperatorAccounts operators;

    @Test
    void loginAttemptsPerAccountAreRefusedInlineThenLetInAgain() throws Exception {
        var tenant = fixtures.tenant();
        WebSession browser = new WebSession(api.baseUrl());
        try (var tiny = limits.tighten(Kind.LOGIN_PER_ACCOUNT, RateLimits.account(tenant.slug(), tenant.adminEmail()),
                ONE_IN_FIVE_SECONDS)) {
            assertThat(browser.login(tenant.slug(), tenant.adminEmail(), "wrong-password").status()).isEqualTo(200);

            WebSession.Page refused = browser.login(tenant.slug(), " " + tenant.adminEmail().toUpperCase() + " ",
                    TestFixtures.PASSWORD);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("retry-after"))).isBetween(1L, 5L);
            assertThat(refused.body()).contains("id=\"login-error\"", "Demasiados intentos seguidos");

            waitFor(refused.header("retry-after"));
            assertThat(browser.login(tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD).status()).isEqualTo(302);
        }
    }

    @Test
    void operatorSignInsPerAccountAreRefusedInlineThenLetInAgain() throws Exception {
        String email = "op-" + UUID.randomUUID() + "@bodega.test";
        operators.createIfMissing(email, "Operadora", TestFixtures.PASSWORD);
        WebSession browser = new WebSession(api.baseUrl());
        browser.get("/operator/login");
        try (var tiny = limits.tighten(Kind.OPERATOR_LOGIN_PER_ACCOUNT, RateLimits.account(null, email),
                ONE_IN_FIVE_SECONDS)) {
            assertThat(operatorLogin(browser, email, "wrong-password").status()).isEqualTo(200);

            WebSession.Page refused = operatorLogin(browser, " " + email.toUpperCase() + " ", TestFixtures.PASSWORD);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("retry-after"))).isBetween(1L, 5L);
            assertThat(refused.body()).contains("id=\"operator-login-error\"", "Demasiados intentos seguidos");
            assertThat(operatorLogin(new WebSession(api.baseUrl()), "other-" + email, "wrong-password").status())
                    .as("another account").isEqualTo(200);

            waitFor(refused.header("retry-after"));
            assertThat(operatorLogin(browser, email, TestFixtures.PASSWORD).locationPath()).isEqualTo("/operator");
        }
    }

    @Test
    void signUpsPerAddressAreAProblemWithRetryAfterThenLetInAgain() throws Exception {
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        try (var tiny = limits.tighten(Kind.SIGNUP_PER_IP, address, ONE_IN_FIVE_SECONDS)) {
            assertThat(signUp(address).status()).isEqualTo(201);

            Api.Response refused = signUp(address);
            assertProblem(refused);
            assertThat(signUp("203.0.113.1").status()).as("another address").isEqualTo(201);

            waitFor(refused.header("retry-after"));
            assertThat(signUp(address).status()).isEqualTo(201);
        }
    }

    @Test
    void passwordResetRequestsPerAccountAreLimited() throws Exception {
        var tenant = fixtures.tenant();
        Map<String, String> request = Map.of("company", tenant.slug(), "email", tenant.adminEmail());
        try (var tiny = limits.tighten(Kind.PASSWORD_RESET_PER_ACCOUNT,
                RateLimits.account(tenant.slug(), tenant.adminEmail()), ONE_IN_FIVE_SECONDS)) {
            assertThat(api.post(null, "/api/v1/password-reset", request).status()).isEqualTo(202);

            Api.Response refused = api.post(null, "/api/v1/password-reset", request);
            assertProblem(refused);

            waitFor(refused.header("retry-after"));
            assertThat(api.post(null, "/api/v1/password-reset", request).status()).isEqualTo(202);
        }
    }

    @Test
    void apiCallsPerKeyAreLimitedForThatKeyOnly() throws Exception {
        var tenant = fixtures.tenant();
        String keyId = api.get(tenant.adminKey(), "/api/v1/api-keys").json().path("items").get(0).path("id").asString();
        try (var tiny = limits.tighten(Kind.API_PER_KEY, keyId, ONE_IN_FIVE_SECONDS)) {
            assertThat(api.get(tenant.adminKey(), "/api/v1/me").status()).isEqualTo(200);

            Api.Response refused = api.get(tenant.adminKey(), "/api/v1/me");
            assertProblem(refused);
            assertThat(api.get(fixtures.tenant().adminKey(), "/api/v1/me").status()).as("another key").isEqualTo(200);

            waitFor(refused.header("retry-after"));
            assertThat(api.get(tenant.adminKey(), "/api/v1/me").status()).isEqualTo(200);
        }
    }

    @Test
    void aLimitReadsAsRequestsPerPeriodOrOff() {
        assertThat(Limit.parse("600/1m")).isEqualTo(new Limit(600, Duration.ofMinutes(1)));
        assertThat(Limit.parse(" 20 / 1h ")).isEqualTo(new Limit(20, Duration.ofHours(1)));
        assertThat(Limit.parse("off")).isEqualTo(Limit.OFF);
    }

    private static WebSession.Page operatorLogin(WebSession browser, String email, String password) {
        browser.get("/operator/login");
        return browser.post("/operator/login", Map.of("email", email, "password", password));
    }

    private Api.Response signUp(String address) {
        String slug = "limit-" + UUID.randomUUID().toString().substring(0, 8);
        return api.send(null, "POST", "/api/v1/signup", Map.of("companyName", "Límite " + slug, "slug", slug,
                "adminName", "Ana Límite", "email", "ana@" + slug + ".test", "password", TestFixtures.PASSWORD),
                Map.of("X-Forwarded-For", address));
    }

    private static void assertProblem(Api.Response refused) {
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("https://bodega.dev/problems/too-many-requests");
        assertThat(Long.parseLong(refused.header("retry-after"))).isBetween(1L, 5L);
    }

    private static void waitFor(String retryAfter) throws InterruptedException {
        Thread.sleep(Long.parseLong(retryAfter) * 1000 + 100);
    }
}
