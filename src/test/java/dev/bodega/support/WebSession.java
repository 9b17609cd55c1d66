package dev.bodega.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one browser-like HTTP session of the tests, without a browser: its own cookie jar, redirects not followed
 * (unless {@link #followingRedirects()}), and the CSRF token of the last page it read (a form's {@code _csrf}
 * field, else {@code <meta name="csrf-token">}), sent with its next form or API call.
 */
public class WebSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern META_HEADER = Pattern.compile("<meta name=\"csrf-header\" content=\"([^\"]+)\"");

    /** An answer: {@code uri} is where it came from (after redirects, when they are followed). */
    public record Page(int status, String body, Map<String, String> headers, URI uri) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The Location header as sent, or null. */
        public String location() {
            return header("location");
        }

        /** The path the answer redirects to, without host or query, or null. */
        public String locationPath() {
            String location = location();
            return location == null ? null : URI.create(location).getPath();
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first group of the first match in the body, or null. */
        public String find(String regex) {
            return find(Pattern.compile(regex));
        }

        public String find(Pattern pattern) {
            Matcher matcher = pattern.matcher(body);
            return matcher.find() ? matcher.group(1) : null;
        }
    }

    private final String baseUrl;
    private final String userAgent;
    private final String accept;
    private final boolean followRedirects;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrfToken;
    private String csrfHeader = "X-CSRF-TOKEN";

    public WebSession(String baseUrl) {
        this(baseUrl, null);
    }

    /** A session whose requests name their browser (sessions are listed by it). */
    public WebSession(String baseUrl, String userAgent) {
        this(baseUrl, userAgent, null, false);
    }

    private WebSession(String baseUrl, String userAgent, String accept, boolean followRedirects) {
        this.baseUrl = baseUrl;
        this.userAgent = userAgent;
        this.accept = accept;
        this.followRedirects = followRedirects;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER)
                .build();
    }

    /** A new session like this one whose page requests ask for HTML, as a browser's do. */
    public WebSession acceptingHtml() {
        return new WebSession(baseUrl, userAgent, "text/html", followRedirects);
    }

    /** A new session like this one that follows redirects: a form's answer is the page it redirects to. */
    public WebSession followingRedirects() {
        return new WebSession(baseUrl, userAgent, accept, true);
    }

    /** Logs in through the login form; fails unless it lands on the dashboard. */
    public static WebSession signedIn(String baseUrl, String company, String email, String password) {
        WebSession session = new WebSession(baseUrl);
        Page login = session.login(company, email, password);
        if (login.status() != 302 || !"/".equals(URI.create(login.location()).getPath())) {
            throw new IllegalStateException("Login failed: " + login.status() + " " + login.location());
        }
        session.get("/");
        return session;
    }

    /** Logs in through the login form; the answer is a redirect on success, the form again otherwise. */
    public Page login(String company, String email, String password) {
        get("/login");
        return post("/login", Map.of("company", company, "email", email, "password", password));
    }

    public Page get(String path) {
        return send(page(path).GET());
    }

    /** Posts a form as the browser would, with the CSRF token of the last page; a list value repeats its field. */
    public Page post(String path, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            all.put("_csrf", csrfToken);
        }
        String body = all.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof List<?> values ? values : Collections.singletonList(e.getValue()))
                        .stream().map(value -> encode(e.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return send(page(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads a file as a multipart form, as the browser would, with the CSRF token of the last page as a field. */
    public Page postMultipart(String path, Map<String, String> fields, String fileName, String content) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken);
        String boundary = "bodega-" + UUID.randomUUID();
        return send(page(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.body(boundary, all, fileName, content))));
    }

    /** A JSON call riding on the session cookie, with the CSRF header, as the pages' scripts make it. */
    public Page api(String method, String path, String json) {
        HttpRequest.Builder request = json(method, path, json);
        if (csrfToken != null) {
            request.header(csrfHeader, csrfToken);
        }
        return send(request);
    }

    /** A JSON call riding on the session cookie without the CSRF header, as a forged cross-site call would. */
    public Page apiWithoutCsrf(String method, String path, String json) {
        return send(json(method, path, json));
    }

    /** The value of a cookie in the jar, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private HttpRequest.Builder page(String path) {
        HttpRequest.Builder request = request(path);
        if (accept != null) {
            request.header("Accept", accept);
        }
        return request;
    }

    private HttpRequest.Builder json(String method, String path, String json) {
        return request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return request;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            Page page = new Page(response.statusCode(), response.body(), headers, response.uri());
            remember(page);
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(Page page) {
        String form = page.find(FORM_TOKEN);
        String meta = page.find(META_TOKEN);
        if (form != null || meta != null) {
            csrfToken = form != null ? form : meta;
        }
        String header = page.find(META_HEADER);
        if (header != null) {
            csrfHeader = header;
        }
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value == null ? "" : String.valueOf(value), StandardCharsets.UTF_8);
    }
}
