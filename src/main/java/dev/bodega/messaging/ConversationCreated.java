package dev.bodega.messaging;

import dev.bodega.platform.BusinessEvent;

import java.util.UUID;

/** A contact's first message on a platform opened a conversation ({@code conversation.created}). */
public record ConversationCreated(UUID tenantId, UUID conversationId, UUID contactId, String platform)
        implements BusinessEvent {

    @Override
    public UUID subjectId() {
        return conversationId;
    }
}
