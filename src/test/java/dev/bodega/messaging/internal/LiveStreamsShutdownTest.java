package dev.bodega.messaging.internal;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A stopping server ends the inbox's live streams, so that its graceful shutdown has no request left to wait for. */
@BodegaTest
class LiveStreamsShutdownTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired LiveEvents live;

    @Test
    void closingTheContextEndsOpenStreams() throws Exception {
        var tenant = fixtures.tenant();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/v1/inbox/live")).header("Authorization", "Bearer " + tenant.adminKey())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(live.openStreams(tenant.id())).isEqualTo(1);
        // Read until the server ends the stream: a clean end, or (an API key's async dispatch is not signed in) a cut one.
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            try (InputStream body = stream.body()) {
                body.transferTo(seen);
            } catch (IOException cut) {
                // the server cut it
            }
            return seen.toString(StandardCharsets.UTF_8);
        });

        live.closeAll();

        assertThat(read.get(10, TimeUnit.SECONDS)).contains("event:hello");
    }
}
