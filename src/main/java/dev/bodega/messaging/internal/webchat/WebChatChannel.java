package dev.bodega.messaging.internal.webchat;

import dev.bodega.messaging.internal.OutboundChannel;
import dev.bodega.messaging.internal.OutboundMessage;
import org.springframework.stereotype.Component;

/** Web chat's way out: the visitor's open page receives the message on its live stream; its id is ours. */
@Component
class WebChatChannel implements OutboundChannel {

    private final VisitorStreams visitors;

    WebChatChannel(VisitorStreams visitors) {
        this.visitors = visitors;
    }

    @Override
    public String type() {
        return "web_chat";
    }

    @Override
    public String send(OutboundMessage message) {
        visitors.push(message.tenantId(), message.contactExternalId(), message.messageId());
        return "web-" + message.messageId();
    }
}
