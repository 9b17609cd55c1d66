package dev.bodega.messaging.internal.assistants;

import dev.bodega.platform.Formats;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What an assistant answers from: the company (from the conversation, never from a message), the contact's sales
 * customer if linked, the contact's language (numbers written in it, money in the company's currency), and a bounded window of this conversation's own messages, oldest first.
 */
record Dialogue(UUID tenantId, UUID customerId, Locale language, Formats formats, String currency, List<Turn> turns) {

    /** One message of the window: {@code fromContact} or the shop's (assistant or agent). */
    record Turn(boolean fromContact, String text) {
    }

    String lastFromContact() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).fromContact()) {
                return turns.get(i).text();
            }
        }
        return "";
    }
}
