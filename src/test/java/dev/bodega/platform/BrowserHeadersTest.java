package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page tells the browser: a Content-Security-Policy that runs no inline script and lets no one frame it,
 * no Referer to other sites, HSTS over HTTPS; every form that posts carries its CSRF token; a login starts a new
 * session. {@code MenuCrawlerTest} checks {@link #problems} on every page of every menu.
 */
@BodegaTest
public class BrowserHeadersTest {

    private static final Pattern POST_FORM = Pattern.compile("(?is)<form\\b[^>]*method=\"post\"[^>]*>.*?</form>");
    private static final Pattern SCRIPT_SRC = Pattern.compile("script-src ([^;]*)");

    @Autowired Api api;
    @Autowired TestFixtures fixtures;

    /** What is wrong with a page's headers and forms; empty when nothing is. */
    public static List<String> problems(WebSession.Page page) {
        List<String> problems = new ArrayList<>();
        String policy = page.header("content-security-policy");
        Matcher scripts = SCRIPT_SRC.matcher(policy == null ? "" : policy);
        if (!scripts.find() || scripts.group(1).contains("unsafe")) {
            problems.add("a Content-Security-Policy whose script-src allows no inline script nor eval: " + policy);
        } else if (!policy.contains("frame-ancestors 'none'")) {
            problems.add("frame-ancestors 'none': " + policy);
        }
        if (!"same-origin".equals(page.header("referrer-policy"))) {
            problems.add("Referrer-Policy same-origin: " + page.header("referrer-policy"));
        }
        Matcher forms = POST_FORM.matcher(page.body());
        while (forms.find()) {
            if (!forms.group().contains("name=\"_csrf\"")) {
                problems.add("a CSRF token in " + forms.group().substring(0, Math.min(120, forms.group().length())));
            }
        }
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/signup", "/password-reset", "/no-such-page", "/swagger-ui/index.html"})
    void aVisitorsPagesCarryThePolicy(String path) {
        WebSession.Page page = new WebSession(api.baseUrl()).acceptingHtml().get(path);

        assertThat(problems(page)).isEmpty();
        assertThat(page.header("strict-transport-security")).as("no HSTS over plain HTTP").isNull();
    }

    @Test
    void theApiCarriesThePolicyToo() {
        Api.Response answer = api.get(fixtures.tenant().adminKey(), "/api/v1/me");

        assertThat(answer.header("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(answer.header("referrer-policy")).isEqualTo("same-origin");
    }

    @Test
    void overHttpsBehindAProxyTheBrowserIsToldToKeepToHttps() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/login")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.headers().firstValue("strict-transport-security")).get().asString().contains("max-age=");
    }

    @Test
    void aLoginStartsANewSession() throws Exception {
        var tenant = fixtures.tenant();
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String form = browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String before = session(cookies);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        String fields = "company=" + tenant.slug() + "&email=" + URLEncoder.encode(tenant.adminEmail(), UTF_8)
                + "&password=" + URLEncoder.encode(TestFixtures.PASSWORD, UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(before).isNotNull();
        assertThat(session(cookies)).isNotNull().isNotEqualTo(before);
    }

    private static String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
