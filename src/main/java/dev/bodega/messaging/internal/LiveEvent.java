package dev.bodega.messaging.internal;

import java.util.UUID;

/**
 * Something an open inbox shows without a reload: a message stored or its status changed, a conversation's state,
 * assignment or tags changed. Sent only to signed-in users of {@code tenantId} who may read the inbox.
 *
 * @param type           {@code message}, {@code status}, {@code conversation}
 * @param conversationId the conversation it concerns
 * @param messageId      the message, for {@code message} and {@code status}; else null
 * @param detail         the new status, or what changed in the conversation
 */
public record LiveEvent(UUID tenantId, String type, UUID conversationId, UUID messageId, String detail) {
}
