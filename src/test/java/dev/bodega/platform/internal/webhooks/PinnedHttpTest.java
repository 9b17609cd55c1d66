package dev.bodega.platform.internal.webhooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DNS rebinding: an attempt connects to the addresses its check resolved, never to the name looked up again. The
 * policies here are the test's own (private addresses refused for the rebinding check only), not the application's.
 */
class PinnedHttpTest {

    static WireMockServer local;

    private final PinnedHttp http = new PinnedHttp();

    @BeforeAll
    static void start() {
        local = new WireMockServer(options().dynamicPort());
        local.start();
        local.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stop() {
        local.stop();
    }

    @Test
    void aNameThatAnswersAPublicAddressToTheCheckAndLoopbackAfterwardsNeverReachesTheLocalServer() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // 192.0.2.10 is public to the check (TEST-NET-1, routed nowhere); every later answer is this machine.
        AddressPolicy strict = new AddressPolicy(false, host -> new InetAddress[]{lookups.getAndIncrement() == 0
                ? InetAddress.getByName("192.0.2.10") : InetAddress.getLoopbackAddress()});
        AddressPolicy.Target target = strict.target("http://rebind.example.test:" + local.port() + "/rebind");

        assertThatThrownBy(() -> http.post(target, Map.of("webhook-id", "evt_1"), "{}", Duration.ofSeconds(2), 100))
                .isInstanceOf(IOException.class);

        assertThat(local.findAll(anyRequestedFor(urlEqualTo("/rebind")))).isEmpty();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void theCheckedAddressIsReachedUnderTheEndpointsOwnName() throws Exception {
        AddressPolicy allowing = new AddressPolicy(true, host -> new InetAddress[]{InetAddress.getLoopbackAddress()});
        String host = "hooks.example.test:" + local.port();

        PinnedHttp.Reply reply = http.post(allowing.target("http://" + host + "/pinned"),
                Map.of("webhook-id", "evt_2"), "{\"a\":1}", Duration.ofSeconds(5), 100);

        assertThat(reply.status()).isEqualTo(204);
        local.verify(postRequestedFor(urlEqualTo("/pinned")).withHeader("Host", equalTo(host))
                .withHeader("webhook-id", equalTo("evt_2")).withHeader("Content-Type", equalTo("application/json")));
    }
}
