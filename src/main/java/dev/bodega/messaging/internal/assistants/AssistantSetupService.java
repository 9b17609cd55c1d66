package dev.bodega.messaging.internal.assistants;

import dev.bodega.messaging.AssistantSetup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/** {@link AssistantSetup} through {@link Assistants}. */
@Service
class AssistantSetupService implements AssistantSetup {

    private final Assistants assistants;

    AssistantSetupService(Assistants assistants) {
        this.assistants = assistants;
    }

    @Override
    @Transactional
    public UUID createBuiltIn(UUID channelId, String name, String fallbackMessage) {
        return assistants.create(new AssistantRequest(name, null, null, true, "builtin", null, null, null, null, null,
                null, null, null, fallbackMessage, null, null, channelId, true, null, null));
    }
}
