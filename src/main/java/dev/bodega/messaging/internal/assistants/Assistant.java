package dev.bodega.messaging.internal.assistants;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assistant (seed 002): who answers a channel's conversations, with which model or Bodega's built-in rules.
 * The provider key is never shown, only whether one is kept ({@code hasKey}).
 *
 * @param provider     {@code builtin} (no model), {@code openai}, {@code anthropic} or {@code local}
 * @param workingHours day ({@code mon}...{@code sun}) → [["09:00", "18:00"]]; empty: always
 * @param inputPrice   estimated price of a million prompt tokens, in the company's currency
 */
public record Assistant(UUID id, String name, String description, String prompt, boolean active, String provider,
                        String model, String baseUrl, boolean hasKey, int maxTokens, BigDecimal temperature,
                        int timeoutSeconds, int responseDelay, Map<String, List<List<String>>> workingHours,
                        String fallbackMessage, int maxTurns, int contextMessages, UUID integrationId,
                        boolean autoAssign, BigDecimal inputPrice, BigDecimal outputPrice, long version) {

    public boolean usesModel() {
        return !"builtin".equals(provider);
    }
}
