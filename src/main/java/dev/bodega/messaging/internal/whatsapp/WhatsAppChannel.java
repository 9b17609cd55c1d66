package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.MediaFiles;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.messaging.internal.OutboundChannel;
import dev.bodega.messaging.internal.OutboundMessage;
import dev.bodega.platform.Problems;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The way out to WhatsApp: free text within the 24-hour customer-service window, an approved template with its
 * parameters at any time; sent through the Graph API from the inbox's outbox (which retries with backoff). An
 * agent's attachment is uploaded to the number's media endpoint first and sent by its media id.
 */
@Component
class WhatsAppChannel implements OutboundChannel {

    private final WhatsAppChannels channels;
    private final GraphApis graphs;
    private final Clock clock;
    private final MediaFiles media;
    private final TransactionTemplate transactions;

    WhatsAppChannel(WhatsAppChannels channels, GraphApis graphs, Clock clock, MediaFiles media,
                    TransactionTemplate transactions) {
        this.channels = channels;
        this.graphs = graphs;
        this.clock = clock;
        this.media = media;
        this.transactions = transactions;
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
        boolean attachment = MediaFiles.TYPES.contains(message.messageType())
                && MediaFiles.idOf(message.mediaUrl()).isPresent();
        if (!"text".equals(message.messageType()) && !attachment) {
            throw Problems.of(MessagingProblem.CHANNEL_REFUSED,
                    "WhatsApp messages from Bodega are text, templates or a file attached in the inbox");
        }
    }

    @Override
    public String send(OutboundMessage message) {
        WhatsAppChannels.Connected channel = (message.integrationId() == null ? channels.firstActive()
                : channels.find(message.integrationId()))
                .orElseThrow(() -> new IllegalStateException("The conversation's WhatsApp channel is gone"));
        String phoneNumberId = channel.channel().phoneNumberId();
        String token = channel.credentials().accessToken();
        GraphApiClient graph = graphs.of(channel);
        OutboundMessage.Template template = message.template();
        if (template != null) {
            return graph.sendTemplate(phoneNumberId, token, message.contactExternalId(), template.name(),
                    template.language(), template.parameters());
        }
        if (MediaFiles.TYPES.contains(message.messageType())) {
            MediaFiles.Content file = transactions.execute(s -> MediaFiles.idOf(message.mediaUrl())
                    .flatMap(media::content).orElseThrow(() -> new IllegalStateException("The attachment is gone")));
            String mediaId = graph.uploadMedia(phoneNumberId, token, file.bytes(), file.contentType(), file.fileName());
            return graph.sendMedia(phoneNumberId, token, message.contactExternalId(), message.messageType(), mediaId,
                    message.content(), file.fileName());
        }
        return graph.sendText(phoneNumberId, token, message.contactExternalId(), message.content(),
                message.quotedExternalId());
    }
}
