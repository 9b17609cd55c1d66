package dev.bodega;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every API caller can rely on: problem+json errors, limits, OpenAPI, operations endpoints, CSRF. */
@BodegaTest
class ApiConventionsTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Value("${bodega.api.max-body-bytes}") int maxBodyBytes;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownPathIsA404ProblemWithoutAStackTrace() {
        var tenant = fixtures.tenant();
        var response = api.get(tenant.adminKey(), "/api/v1/no-such-thing");
        assertProblem(response, 404);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
    }

    @Test
    void noCredentialsIsA401Problem() {
        assertProblem(api.get(null, "/api/v1/api-keys"), 401);
        assertProblem(api.get("bdg_not-a-real-key", "/api/v1/api-keys"), 401);
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemWithContentLength() {
        var tenant = fixtures.tenant();
        assertProblem(api.post(tenant.adminKey(), "/api/v1/api-keys", oversizedJson()), 413);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        var tenant = fixtures.tenant();
        byte[] body = oversizedJson().getBytes(StandardCharsets.UTF_8);
        // No declared length: the client streams it chunked, so only counting the bytes can catch it.
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/api-keys"))
                .header("Authorization", "Bearer " + tenant.adminKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).isNegative();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertProblem(new Api.Response(response.statusCode(), response.body(),
                Map.of("content-type", response.headers().firstValue("content-type").orElse(""))), 413);
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        var tenant = fixtures.tenant();
        String padding = "a".repeat(maxBodyBytes - 200);
        var response = api.post(tenant.adminKey(), "/api/v1/api-keys",
                "{\"name\":\"fits\",\"permissions\":[\"users.read\"],\"padding\":\"" + padding + "\"}");
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void malformedJsonIsA400Problem() {
        var tenant = fixtures.tenant();
        var response = api.post(tenant.adminKey(), "/api/v1/api-keys", "{\"name\": ");
        assertProblem(response, 400);
        assertThat(response.json().get("type").asString()).endsWith("/malformed-body");
    }

    @Test
    void theOpenApiDocumentListsTheApi() {
        var response = api.get(null, "/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("paths").has("/api/v1/api-keys")).isTrue();
    }

    @Test
    void healthIsUp() {
        var response = api.get(null, "/actuator/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposed() {
        var response = api.send(null, "GET", "/actuator/prometheus", null, Map.of("Accept", "text/plain"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("hikaricp_connections", "jvm_memory");
    }

    @Test
    void aSessionCallWithoutACsrfTokenIsRefused() {
        var tenant = fixtures.tenant();
        var session = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        String body = "{\"name\":\"from the browser\",\"permissions\":[\"users.read\"]}";

        assertThat(session.get("/api/v1/api-keys").status()).isEqualTo(200);
        var forged = session.apiWithoutCsrf("POST", "/api/v1/api-keys", body);
        assertProblem(new Api.Response(forged.status(), forged.body(), forged.headers()), 403);
        assertThat(session.api("POST", "/api/v1/api-keys", body).status()).isEqualTo(201);
    }

    private String oversizedJson() {
        return "{\"name\":\"" + "x".repeat(maxBodyBytes + 1) + "\",\"permissions\":[\"users.read\"]}";
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }
}
