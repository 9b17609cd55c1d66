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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session without a browser: keeps cookies, does not
 * follow redirects, and remembers the CSRF token of the last page it read
 * (every page carries it in {@code <meta name="csrf-token">}).
 */
public class WebSession {

    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"csrf-header\" content=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private String csrfToken;
    private String csrfHeader;

    public WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in through the login form; fails unless it lands on the dashboard. */
    public static WebSession signedIn(String baseUrl, String company, String email, String password) {
        WebSession session = new WebSession(baseUrl);
        session.get("/login");
        Api.Response login = session.postForm("/login", Map.of("company", company, "email", email, "password", password));
        if (login.status() != 302 || !"/".equals(URI.create(login.header("location")).getPath())) {
            throw new IllegalStateException("Login failed: " + login.status() + " " + login.header("location"));
        }
        session.get("/");
        return session;
    }

    public Api.Response get(String path) {
        Api.Response response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
        Matcher token = CSRF_TOKEN.matcher(response.body());
        if (token.find()) {
            csrfToken = token.group(1);
        }
        Matcher header = CSRF_HEADER.matcher(response.body());
        if (header.find()) {
            csrfHeader = header.group(1);
        }
        return response;
    }

    /** Posts a form as the browser would, with the CSRF token of the last page. */
    public Api.Response postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken);
        String body = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads a file as a multipart form, as the browser would, with the CSRF token of the last page as a field. */
    public Api.Response postMultipart(String path, Map<String, String> fields, String fileName, String content) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken);
        String boundary = "bodega-" + java.util.UUID.randomUUID();
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.body(boundary, all, fileName, content))));
    }

    /** A JSON call riding on the session cookie, with or without the CSRF header. */
    public Api.Response postJson(String path, String json, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf) {
            request.header(csrfHeader, csrfToken);
        }
        return send(request);
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            return new Api.Response(response.statusCode(), response.body(), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
