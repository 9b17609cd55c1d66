package dev.bodega.messaging.internal.assistants;

import dev.bodega.platform.Formats;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The test chat of the assistants' page and API: one question as a contact with no customer would ask it, answered
 * by the same {@link Responder} as a conversation, as the signed-in company; nothing is sent, stored or counted.
 */
@Component
class TestChat {

    /** {@code handoff}: why a real conversation would go to a person now, or null. */
    record Reply(String answer, String handoff, long latencyMs, int promptTokens, int completionTokens) {
    }

    private record Loaded(Assistant assistant, String key, TenantSettings company) {
    }

    private final Assistants assistants;
    private final Responder responder;
    private final TenantSettingsService settings;
    private final TransactionTemplate transactions;

    TestChat(Assistants assistants, Responder responder, TenantSettingsService settings, TransactionTemplate transactions) {
        this.assistants = assistants;
        this.responder = responder;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Called outside a transaction: the model is not waited for with a connection held. */
    Reply ask(UUID assistantId, String message) {
        Loaded loaded = transactions.execute(s -> {
            Assistant a = assistants.get(assistantId);
            return new Loaded(a, a.usesModel() ? assistants.key(a) : null, settings.current());
        });
        Locale language = Phrases.language(message);
        TenantSettings company = loaded.company();
        Dialogue d = new Dialogue(TenantContext.tenantId(), null, language,
                Formats.of(language, company.zoneId(), company.currency()), company.currency(),
                List.of(new Dialogue.Turn(true, message)));
        long started = System.nanoTime();
        Answer answer = responder.respond(loaded.assistant(), loaded.key(), d, 0);
        return new Reply(answer.text(), answer.handoff(), (System.nanoTime() - started) / 1_000_000,
                answer.promptTokens(), answer.completionTokens());
    }
}
