package dev.bodega.messaging.internal.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The Graph API of the shared test context: a WireMock server on a free port that each test stubs (under its own
 * phone number id, so tests never share a stub), and the client the application uses pointed at it.
 */
public final class GraphApiStub {

    private GraphApiStub() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean(destroyMethod = "stop")
        WireMockServer graphApi() {
            WireMockServer server = new WireMockServer(options().dynamicPort());
            server.start();
            return server;
        }

        @Bean
        @Primary
        GraphApiClient stubbedGraphApiClient(WireMockServer graphApi) {
            return new GraphApiClient(graphApi.baseUrl() + "/v23.0");
        }
    }
}
