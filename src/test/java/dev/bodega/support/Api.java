package dev.bodega.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Real HTTP calls to the running test server, with an API key. */
@TestComponent
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Environment environment;

    Api(Environment environment) {
        this.environment = environment;
    }

    public record Response(int status, String body, Map<String, String> headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public Response get(String key, String path) {
        return send(key, "GET", path, null, Map.of());
    }

    public Response post(String key, String path, Object body) {
        return send(key, "POST", path, body, Map.of());
    }

    public Response put(String key, String path, Object body, Map<String, String> headers) {
        return send(key, "PUT", path, body, headers);
    }

    public Response patch(String key, String path, Object body, Map<String, String> headers) {
        return send(key, "PATCH", path, body, headers);
    }

    public Response delete(String key, String path) {
        return send(key, "DELETE", path, null, Map.of());
    }

    public Response send(String key, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), values.get(0)));
            return new Response(response.statusCode(), response.body(), responseHeaders);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
