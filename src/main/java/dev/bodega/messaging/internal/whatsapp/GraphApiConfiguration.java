package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.ChannelRoutes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Which Graph API the WhatsApp channel talks to: the configured one ({@code BODEGA_WHATSAPP_GRAPH_URL}); with none,
 * Meta's, or in demo mode the offline one that answers and ticks like a phone.
 */
@Configuration(proxyBeanMethods = false)
class GraphApiConfiguration {

    static final String META = "https://graph.facebook.com/v23.0";

    @Bean
    GraphApiClient graphApiClient(@Value("${bodega.whatsapp.graph-url:}") String url,
                                  @Value("${bodega.demo.enabled:false}") boolean demo, ChannelRoutes routes,
                                  WhatsAppChannels channels, ObjectProvider<WhatsAppWebhooks> webhooks, Clock clock) {
        if (url.isBlank() && demo) {
            return new OfflineGraphApi(routes, channels, webhooks, clock, Duration.ofSeconds(2));
        }
        return new GraphApiClient(url.isBlank() ? META : url);
    }
}
