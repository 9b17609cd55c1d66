package dev.bodega.messaging.internal.assistants;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An assistant backed by a model (Spring AI): the client is built for each turn from the assistant's row (provider,
 * base URL, model, its decrypted key, temperature, max tokens, timeout; no retries), nothing global. The model sees
 * the assistant's prompt, Bodega's rules, this conversation's window and the {@link ShopTools} of this conversation.
 * A model that cannot help answers {@link #HANDOFF} (or keeps asking for tools past {@link #MAX_TOOL_ROUNDS}); a
 * failure or timeout throws.
 */
@Component
class ModelResponder {

    static final String HANDOFF = "[HANDOFF]";
    private static final int MAX_TOOL_ROUNDS = 4;
    private static final ToolCallingManager TOOLS = ToolCallingManager.builder().build();
    private static final String RULES = """
            You answer the customers of a shop in a chat, briefly, in the customer's language (%s).
            Answer only from what the tools return about the shop's catalog, prices, stock, the customer's orders and
            the stores and opening hours; never invent an item, a price or a quantity. If you cannot help, or the
            customer needs a person, answer exactly %s and nothing else.""";

    private final ShopQueries shop;

    ModelResponder(ShopQueries shop) {
        this.shop = shop;
    }

    Answer answer(Assistant assistant, String key, Dialogue d) {
        ToolCallback[] tools = ToolCallbacks.from(new ShopTools(shop, d.tenantId(), d.customerId(), d.currency()));
        ChatOptions options = options(assistant, key, tools);
        ChatModel model = model(assistant, options);
        Prompt prompt = new Prompt(messages(assistant, d), options);
        ChatResponse response = model.call(prompt);
        int[] tokens = count(new int[2], response);
        // Spring AI 2.0's ChatModel leaves the tool loop to its caller: run the tools asked for, ask again.
        for (int round = 0; response.hasToolCalls() && round < MAX_TOOL_ROUNDS; round++) {
            prompt = new Prompt(TOOLS.executeToolCalls(prompt, response).conversationHistory(), options);
            response = model.call(prompt);
            count(tokens, response);
        }
        String text = response.getResult() == null || response.getResult().getOutput().getText() == null
                ? "" : response.getResult().getOutput().getText().strip();
        boolean cannotHelp = text.isEmpty() || text.contains(HANDOFF) || response.hasToolCalls();
        return new Answer(cannotHelp ? null : text, cannotHelp ? "cannot_help" : null, tokens[0], tokens[1]);
    }

    private static int[] count(int[] tokens, ChatResponse response) {
        Usage usage = response.getMetadata().getUsage();
        if (usage != null) {
            tokens[0] += usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
            tokens[1] += usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
        }
        return tokens;
    }

    private static List<Message> messages(Assistant assistant, Dialogue d) {
        List<Message> messages = new ArrayList<>();
        String prompt = assistant.prompt() == null ? "" : assistant.prompt().strip() + "\n\n";
        messages.add(new SystemMessage(prompt + RULES.formatted(d.language().getDisplayLanguage(d.language()), HANDOFF)));
        d.turns().forEach(t -> messages.add(t.fromContact() ? new UserMessage(t.text()) : new AssistantMessage(t.text())));
        return messages;
    }

    private static ChatOptions options(Assistant a, String key, ToolCallback[] tools) {
        Duration timeout = Duration.ofSeconds(a.timeoutSeconds());
        double temperature = a.temperature().doubleValue();
        if ("anthropic".equals(a.provider())) {
            AnthropicChatOptions.Builder b = AnthropicChatOptions.builder().apiKey(key).model(a.model())
                    .temperature(temperature).maxTokens(a.maxTokens()).timeout(timeout).maxRetries(0)
                    .toolCallbacks(tools);
            if (a.baseUrl() != null) {
                b.baseUrl(a.baseUrl());
            }
            return b.build();
        }
        OpenAiChatOptions.Builder b = OpenAiChatOptions.builder().apiKey(key == null ? "none" : key).model(a.model())
                .temperature(temperature).maxTokens(a.maxTokens()).timeout(timeout).maxRetries(0).toolCallbacks(tools);
        if (a.baseUrl() != null) {
            b.baseUrl(a.baseUrl());
        }
        return b.build();
    }

    private static ChatModel model(Assistant a, ChatOptions options) {
        return "anthropic".equals(a.provider())
                ? AnthropicChatModel.builder().options((AnthropicChatOptions) options).build()
                : OpenAiChatModel.builder().options((OpenAiChatOptions) options).build();
    }
}
