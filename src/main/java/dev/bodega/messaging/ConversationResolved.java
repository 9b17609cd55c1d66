package dev.bodega.messaging;

import dev.bodega.platform.BusinessEvent;

import java.time.Instant;
import java.util.UUID;

/** An agent marked a conversation resolved ({@code conversation.resolved}); resolutionSeconds from its opening. */
public record ConversationResolved(UUID tenantId, UUID conversationId, Integer resolutionSeconds, Instant resolvedAt)
        implements BusinessEvent {

    @Override
    public UUID subjectId() {
        return conversationId;
    }

    @Override
    public Instant occurredAt() {
        return resolvedAt;
    }
}
