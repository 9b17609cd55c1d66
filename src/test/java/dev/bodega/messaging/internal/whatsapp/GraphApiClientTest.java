package dev.bodega.messaging.internal.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a WireMock answering as the Graph API does, failures included. */
class GraphApiClientTest {

    static WireMockServer graph;
    GraphApiClient client;

    @BeforeAll
    static void start() {
        graph = new WireMockServer(options().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stop() {
        graph.stop();
    }

    @BeforeEach
    void reset() {
        graph.resetAll();
        client = new GraphApiClient(graph.baseUrl() + "/v23.0/");
    }

    private static String accepted(String wamid) {
        return """
                {"messaging_product":"whatsapp","contacts":[{"input":"5215512345678","wa_id":"5215512345678"}],
                 "messages":[{"id":"%s"}]}""".formatted(wamid);
    }

    @Test
    void sendsTextAsTheCloudApiExpectsAndReturnsTheWamid() {
        graph.stubFor(post("/v23.0/1065/messages").willReturn(okJson(accepted("wamid.T1"))));

        String id = client.sendText("1065", "EAAG-token", "5215512345678", "Hola, ¿en qué le ayudo?", "wamid.Q");

        assertThat(id).isEqualTo("wamid.T1");
        graph.verify(postRequestedFor(urlEqualTo("/v23.0/1065/messages"))
                .withHeader("Authorization", equalTo("Bearer EAAG-token"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"5215512345678",
                         "type":"text","text":{"preview_url":false,"body":"Hola, ¿en qué le ayudo?"},
                         "context":{"message_id":"wamid.Q"}}""")));
    }

    @Test
    void sendsATemplateWithItsBodyParametersInOrder() {
        graph.stubFor(post("/v23.0/1065/messages").willReturn(okJson(accepted("wamid.T2"))));

        String id = client.sendTemplate("1065", "tok", "5215512345678", "order_ready", "es_MX",
                List.of("Ana", "PED-0042"));

        assertThat(id).isEqualTo("wamid.T2");
        graph.verify(postRequestedFor(urlEqualTo("/v23.0/1065/messages")).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"5215512345678","type":"template",
                 "template":{"name":"order_ready","language":{"code":"es_MX"},
                  "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},
                                                             {"type":"text","text":"PED-0042"}]}]}}""")));
    }

    @Test
    void aServerErrorOrThrottlingMayBeRetried() {
        graph.stubFor(post("/v23.0/1065/messages").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"An unknown error has occurred.\",\"type\":\"OAuthException\",\"code\":1,\"fbtrace_id\":\"A\"}}")));

        assertThatThrownBy(() -> client.sendText("1065", "tok", "1", "hi", null))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).isEqualTo("An unknown error has occurred.");
                });

        graph.stubFor(post("/v23.0/1065/messages").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\",\"code\":130429}}")));
        assertThatThrownBy(() -> client.sendText("1065", "tok", "1", "hi", null))
                .isInstanceOfSatisfying(GraphApiException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void aRequestTheApiRefusesIsNotRetried() {
        graph.stubFor(post("/v23.0/1065/messages").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                         "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed"},
                         "fbtrace_id":"Az"}}""")));

        assertThatThrownBy(() -> client.sendText("1065", "tok", "1", "hi", null))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo(131047);
                });
    }

    @Test
    void anUnreachableApiMayBeRetried() {
        GraphApiClient nowhere = new GraphApiClient("http://127.0.0.1:9/v23.0");

        assertThatThrownBy(() -> nowhere.sendText("1065", "tok", "1", "hi", null))
                .isInstanceOfSatisfying(GraphApiException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void downloadsMediaThroughTheMediaEndpointAndChecksItsHash() throws Exception {
        byte[] jpeg = "\u00ff\u00d8 a tiny picture".getBytes(StandardCharsets.ISO_8859_1);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
        graph.stubFor(get("/v23.0/1003383421387256").withHeader("Authorization", equalTo("Bearer tok"))
                .willReturn(okJson("""
                        {"messaging_product":"whatsapp","url":"%s/lookaside/media?mid=1003383421387256",
                         "mime_type":"image/jpeg","sha256":"%s","file_size":"%d","id":"1003383421387256"}"""
                        .formatted(graph.baseUrl(), sha, jpeg.length))));
        graph.stubFor(get("/lookaside/media?mid=1003383421387256").withHeader("Authorization", equalTo("Bearer tok"))
                .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(jpeg)));

        GraphApiClient.Download download = client.fetchMedia("1003383421387256", "tok");

        assertThat(download.bytes()).isEqualTo(jpeg);
        assertThat(download.mimeType()).isEqualTo("image/jpeg");
    }

    @Test
    void damagedOrMissingMediaFails() {
        graph.stubFor(get("/v23.0/m1").willReturn(okJson("""
                {"url":"%s/lookaside/m1","mime_type":"image/jpeg","sha256":"00ff","id":"m1"}"""
                .formatted(graph.baseUrl()))));
        graph.stubFor(get("/lookaside/m1").willReturn(aResponse().withBody("other bytes")));
        graph.stubFor(get("/v23.0/gone").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100}}")));

        assertThatThrownBy(() -> client.fetchMedia("m1", "tok")).isInstanceOf(GraphApiException.class)
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> client.fetchMedia("gone", "tok"))
                .isInstanceOfSatisfying(GraphApiException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo(100);
                });
    }
}
