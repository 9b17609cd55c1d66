package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.messaging.internal.OutboundChannel;
import dev.bodega.messaging.internal.OutboundMessage;
import dev.bodega.platform.Problems;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The way out to WhatsApp: free text within the 24-hour customer-service window, an approved template with its
 * parameters at any time; sent through the Graph API from the inbox's outbox (which retries with backoff).
 */
@Component
class WhatsAppChannel implements OutboundChannel {

    private final WhatsAppChannels channels;
    private final GraphApiClient graph;
    private final Clock clock;

    WhatsAppChannel(WhatsAppChannels channels, GraphApiClient graph, Clock clock) {
        this.channels = channels;
        this.graph = graph;
        this.clock = clock;
    }

    @Override
    public String type() {
        return WhatsAppChannels.TYPE;
    }

    @Override
    public void check(OutboundMessage message) {
        if (message.template() != null) {
            return;
        }
        if (!CustomerServiceWindow.open(message.lastInboundAt(), clock.instant())) {
            throw Problems.of(MessagingProblem.WHATSAPP_WINDOW_CLOSED, "More than 24 hours have passed since the"
                    + " contact last wrote: WhatsApp takes only an approved template now");
        }
        if (!"text".equals(message.messageType())) {
            throw Problems.of(MessagingProblem.CHANNEL_REFUSED, "WhatsApp messages from Bodega are text or templates");
        }
    }

    @Override
    public String send(OutboundMessage message) {
        WhatsAppChannels.Connected channel = (message.integrationId() == null ? channels.firstActive()
                : channels.find(message.integrationId()))
                .orElseThrow(() -> new IllegalStateException("The conversation's WhatsApp channel is gone"));
        String phoneNumberId = channel.channel().phoneNumberId();
        String token = channel.credentials().accessToken();
        OutboundMessage.Template template = message.template();
        if (template != null) {
            return graph.sendTemplate(phoneNumberId, token, message.contactExternalId(), template.name(),
                    template.language(), template.parameters());
        }
        return graph.sendText(phoneNumberId, token, message.contactExternalId(), message.content(),
                message.quotedExternalId());
    }
}
