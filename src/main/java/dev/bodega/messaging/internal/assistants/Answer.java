package dev.bodega.messaging.internal.assistants;

/**
 * An assistant's turn: the text for the contact, and a hand-off reason when a person must take over
 * ({@code asked_for_person}, {@code cannot_help}, {@code max_turns}, {@code model_failed}); tokens as the model
 * counted them (0 for the built-in rules).
 */
record Answer(String text, String handoff, int promptTokens, int completionTokens) {

    static Answer of(String text) {
        return new Answer(text, null, 0, 0);
    }

    static Answer handOff(String text, String reason) {
        return new Answer(text, reason, 0, 0);
    }
}
