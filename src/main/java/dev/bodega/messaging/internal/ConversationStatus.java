package dev.bodega.messaging.internal;

import java.util.Locale;
import java.util.Set;

/**
 * A conversation's states (seed 002) and the moves an agent makes between them; a new inbound message reopens a
 * resolved or closed one ({@link Inbox}).
 */
public enum ConversationStatus {
    ACTIVE, PENDING, RESOLVED, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean isDone() {
        return this == RESOLVED || this == CLOSED;
    }

    /** Where an agent may move a conversation from here. */
    public Set<ConversationStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(PENDING, RESOLVED, CLOSED);
            case PENDING -> Set.of(ACTIVE, RESOLVED, CLOSED);
            case RESOLVED -> Set.of(ACTIVE, CLOSED);
            case CLOSED -> Set.of(ACTIVE);
        };
    }
}
