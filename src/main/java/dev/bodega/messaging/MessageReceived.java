package dev.bodega.messaging;

import dev.bodega.platform.BusinessEvent;

import java.time.Instant;
import java.util.UUID;

/** A contact's message stored in the inbox ({@code message.received} for webhooks and analytics); never a duplicate. */
public record MessageReceived(UUID tenantId, UUID messageId, UUID conversationId, UUID contactId, String platform,
                              String messageType, String content, Instant receivedAt) implements BusinessEvent {

    @Override
    public UUID subjectId() {
        return messageId;
    }

    @Override
    public Instant occurredAt() {
        return receivedAt;
    }
}
