package dev.bodega.messaging;

import java.util.UUID;

/** Assistants set up by another module (the demo company), as the current user of the current company. */
public interface AssistantSetup {

    /**
     * An assistant with Bodega's built-in rules (no model, no network) that takes the channel's new conversations;
     * returns its id.
     */
    UUID createBuiltIn(UUID channelId, String name, String fallbackMessage);
}
