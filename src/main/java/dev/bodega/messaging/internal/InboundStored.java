package dev.bodega.messaging.internal;

import java.util.UUID;

/**
 * An inbound message stored by {@link Inbox#receive}, published inside its transaction (after the inbox's own rules),
 * so that what follows it (an assistant's answer owed) is written in the same commit.
 */
public record InboundStored(UUID tenantId, UUID conversationId, UUID messageId, String content) {
}
