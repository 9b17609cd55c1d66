package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the servlet container refuses before any handler, sent as raw bytes (no HTTP client would send them):
 * problem+json under /api with the requested path as {@code instance}, the error page elsewhere, never the server's
 * name; and values that cannot be converted say which field and what was expected, never a Java type.
 */
@BodegaTest
class MalformedRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Api api;
    @Autowired TestFixtures fixtures;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/items/a%2Fb", "/api/v1/items/a%00b", "/api/v1/items/a\\b", "/api/v1/items/%zz",
            "/api/v1/items/%e0%80"})
    void aPathTheServerRefusesIsAProblemUnderTheApi(String path) throws IOException {
        Raw answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://bodega.dev/problems/malformed-request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("instance").asString()).isEqualTo(path.replace("\\", "%5C").replace("%zz", "%25zz"));
        assertThat(answer.text()).doesNotContainIgnoringCase("tomcat").doesNotContain("java.");
    }

    @Test
    void headersTooLargeAreAProblemUnderTheApi() throws IOException {
        Raw answer = raw("GET /api/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("instance").asString()).isEqualTo("/api/v1/items");
        assertThat(answer.text()).doesNotContainIgnoringCase("tomcat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/catalog/a%2Fb", "/catalog/a\\b", "/catalog/%zz"})
    void aPathTheServerRefusesIsTheErrorPageElsewhereInTheUsersLanguage(String path) throws IOException {
        Raw spanish = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Raw english = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: bodega-lang=en\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(spanish.status()).isEqualTo(400);
        assertThat(spanish.head()).containsIgnoringCase("Content-Type: text/html");
        assertThat(spanish.body()).contains("id=\"error-page\"", "La dirección de la página no es válida.",
                "href=\"/\"").doesNotContainIgnoringCase("tomcat");
        assertThat(english.body()).contains("The page address is not valid.", "Back to the start");
    }

    @Test
    void anUnknownApiPathNamesItselfAsTheInstanceNotTheErrorPage() {
        Api.Response missing = api.get(fixtures.tenant().adminKey(), "/api/v1/no-such-thing");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("instance").asString()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void aValueThatCannotBeReadSaysWhichFieldAndWhatWasExpected() {
        String key = fixtures.tenant().adminKey();

        Api.Response parameter = api.get(key, "/api/v1/sales?from=yesterday");
        assertThat(parameter.status()).isEqualTo(400);
        assertThat(parameter.json().path("detail").asString()).isEqualTo("from: expected a date like 2026-12-31");

        Api.Response period = api.get(key, "/api/v1/reports/sales-summary?from=2026-02-30&to=soon");
        assertThat(period.status()).isEqualTo(400);
        assertThat(period.json().path("detail").asString()).contains("from: expected a date like 2026-12-31",
                "to: expected a date like 2026-12-31");
        assertThat(period.body() + parameter.body()).doesNotContain("java.", "LocalDate", "String");
    }

    private record Raw(int status, String head, String body) {
        String text() {
            return head + body;
        }
    }

    private Raw raw(String request) throws IOException {
        URI base = URI.create(api.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int blank = all.indexOf("\r\n\r\n");
            return new Raw(Integer.parseInt(all.substring(9, 12)), all.substring(0, blank), all.substring(blank + 4));
        }
    }
}
