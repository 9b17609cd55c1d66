package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.ChannelRoutes;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * The Graph API a channel talks to: the configured one, or for a channel made offline (the demo company's) the
 * offline one, so the demo's WhatsApp answers and ticks on a laptop even where a real Graph API is configured.
 */
@Component
class GraphApis {

    private final GraphApiClient configured;
    private final OfflineGraphApi offline;

    GraphApis(GraphApiClient configured, ChannelRoutes routes, WhatsAppChannels channels,
              ObjectProvider<WhatsAppWebhooks> webhooks, Clock clock) {
        this.configured = configured;
        this.offline = configured instanceof OfflineGraphApi own ? own
                : new OfflineGraphApi(routes, channels, webhooks, clock, Duration.ofSeconds(2));
    }

    GraphApiClient of(WhatsAppChannels.Connected channel) {
        return channel.offline() ? offline : configured;
    }

    /** The configured bean closes itself; only one made here is closed here. */
    @PreDestroy
    void close() {
        if (offline != configured) {
            offline.close();
        }
    }
}
