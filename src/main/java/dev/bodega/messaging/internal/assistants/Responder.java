package dev.bodega.messaging.internal.assistants;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One turn of an assistant, the same for a conversation and for the test chat: a contact asking for a person, or
 * past the assistant's turns, goes to a person at once; else the model answers (a failure or timeout sends the
 * fallback message and hands off; a model that cannot help hands off too), or the built-in rules when there is no
 * model.
 */
@Component
class Responder {

    private static final Logger log = LoggerFactory.getLogger(Responder.class);

    private final ModelResponder model;
    private final BuiltInResponder builtIn;
    private final MessageSource messages;

    Responder(ModelResponder model, BuiltInResponder builtIn, MessageSource messages) {
        this.model = model;
        this.builtIn = builtIn;
        this.messages = messages;
    }

    /** {@code key}: the decrypted provider key, or null; {@code turnsTaken}: answers given since the conversation opened. */
    Answer respond(Assistant assistant, String key, Dialogue d, int turnsTaken) {
        if (Phrases.asksForPerson(d.lastFromContact())) {
            return Answer.handOff(handOffText(assistant, d), "asked_for_person");
        }
        if (turnsTaken >= assistant.maxTurns()) {
            return Answer.handOff(handOffText(assistant, d), "max_turns");
        }
        if (!assistant.usesModel()) {
            return builtIn.answer(d);
        }
        try {
            Answer answer = model.answer(assistant, key, d);
            return answer.text() == null
                    ? new Answer(handOffText(assistant, d), answer.handoff(), answer.promptTokens(), answer.completionTokens())
                    : answer;
        } catch (RuntimeException e) {
            log.warn("Assistant {} ({}) failed: {}", assistant.id(), assistant.provider(), e.toString());
            log.debug("Assistant failure", e);
            return Answer.handOff(handOffText(assistant, d), "model_failed");
        }
    }

    /** The assistant's fallback message, or Bodega's in the contact's language. */
    private String handOffText(Assistant assistant, Dialogue d) {
        return assistant.fallbackMessage() != null ? assistant.fallbackMessage()
                : messages.getMessage("assistant.say.handoff", null, d.language());
    }
}
