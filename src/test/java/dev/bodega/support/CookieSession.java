package dev.bodega.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client: its own cookie jar, no automatic redirects, and the
 * CSRF token of the last page it fetched, sent with its next form or API call.
 */
public class CookieSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    public record Page(int status, String body, String location) {
    }

    private final String baseUrl;
    private final String userAgent;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    public CookieSession(String baseUrl, String userAgent) {
        this.baseUrl = baseUrl;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Logs in through the login form; the answer is a redirect on success, the form again otherwise. */
    public Page login(String company, String email, String password) {
        get("/login");
        return post("/login", Map.of("company", company, "email", email, "password", password));
    }

    public Page get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form with the CSRF token of the last page fetched; a list value repeats its field (checkboxes). */
    public Page post(String path, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof List<?> values ? values : List.of(e.getValue())).stream()
                        .map(value -> encode(e.getKey()) + "=" + encode(String.valueOf(value))))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** An API call carrying the session cookie (and the CSRF header, as the pages' scripts do). */
    public Page api(String method, String path, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request);
    }

    /** The value of a cookie in the jar, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("User-Agent", userAgent);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            rememberToken(response.body());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void rememberToken(String body) {
        Matcher form = FORM_TOKEN.matcher(body);
        Matcher meta = META_TOKEN.matcher(body);
        if (form.find()) {
            csrf = form.group(1);
        } else if (meta.find()) {
            csrf = meta.group(1);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
