package dev.bodega.messaging.internal;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
        BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(CompletableFuture.supplyAsync(() -> line(events)).get(10, TimeUnit.SECONDS)).isEqualTo("event:hello");
        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            try {
                while (events.readLine() != null) {
                    // what else the stream carries until it ends
                }
            } catch (IOException cut) {
                // an API key's stream is cut rather than ended: its closing dispatch is not signed in
            }
            return true;
        });

        live.closeAll();

        assertThat(ended.get(10, TimeUnit.SECONDS)).as("the stream ended").isTrue();
    }

    private static String line(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
