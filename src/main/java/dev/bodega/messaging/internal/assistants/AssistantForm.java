package dev.bodega.messaging.internal.assistants;

import dev.bodega.platform.FormNumbers;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * The assistant's form on its page: numbers as typed (a decimal comma is read), working hours as one span per day
 * ({@code hours[mon_from]}, {@code hours[mon_to]}), and the key only when a new one is typed.
 */
public class AssistantForm {

    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private String name;
    private String description;
    private String prompt;
    private boolean active = true;
    private String provider = "builtin";
    private String model;
    private String baseUrl;
    private String apiKey;
    private boolean removeKey;
    private Integer maxTokens = 150;
    private String temperature = "0.7";
    private Integer timeoutSeconds = 20;
    private Integer responseDelay = 0;
    private Map<String, String> hours = new LinkedHashMap<>();
    private String fallbackMessage;
    private Integer maxTurns = 10;
    private Integer contextMessages = 20;
    private UUID integrationId;
    private boolean autoAssign = true;
    private String inputPrice = "0";
    private String outputPrice = "0";
    private long version;

    static AssistantForm of(Assistant a) {
        AssistantForm f = new AssistantForm();
        f.name = a.name();
        f.description = a.description();
        f.prompt = a.prompt();
        f.active = a.active();
        f.provider = a.provider();
        f.model = a.model();
        f.baseUrl = a.baseUrl();
        f.maxTokens = a.maxTokens();
        f.temperature = a.temperature().toPlainString();
        f.timeoutSeconds = a.timeoutSeconds();
        f.responseDelay = a.responseDelay();
        a.workingHours().forEach((day, spans) -> {
            if (!spans.isEmpty() && spans.get(0).size() == 2) {
                f.hours.put(day + "_from", spans.get(0).get(0));
                f.hours.put(day + "_to", spans.get(0).get(1));
            }
        });
        f.fallbackMessage = a.fallbackMessage();
        f.maxTurns = a.maxTurns();
        f.contextMessages = a.contextMessages();
        f.integrationId = a.integrationId();
        f.autoAssign = a.autoAssign();
        f.inputPrice = a.inputPrice().toPlainString();
        f.outputPrice = a.outputPrice().toPlainString();
        f.version = a.version();
        return f;
    }

    /**
     * The request this form asks for; a number that does not read is null here and refused by the caller. A browser
     * sends every empty field as "": an empty text is no value (an empty base URL is none, not a bad URL).
     */
    AssistantRequest request() {
        Map<String, List<List<String>>> working = new LinkedHashMap<>();
        for (String day : DAYS) {
            String from = hours.getOrDefault(day + "_from", "").strip();
            String to = hours.getOrDefault(day + "_to", "").strip();
            if (!from.isEmpty() || !to.isEmpty()) {
                working.put(day, List.of(List.of(from, to)));
            }
        }
        return new AssistantRequest(name, blankToNull(description), blankToNull(prompt), active, provider,
                blankToNull(model), blankToNull(baseUrl),
                removeKey ? "" : (apiKey == null || apiKey.isBlank() ? null : apiKey), maxTokens,
                FormNumbers.decimal(temperature), timeoutSeconds, responseDelay, working,
                blankToNull(fallbackMessage), maxTurns, contextMessages, integrationId, autoAssign,
                decimalOrZero(inputPrice), decimalOrZero(outputPrice));
    }

    private static BigDecimal decimalOrZero(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : FormNumbers.decimal(text);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPrompt() { return prompt; }
    public void setPrompt(String prompt) { this.prompt = prompt; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public boolean isRemoveKey() { return removeKey; }
    public void setRemoveKey(boolean removeKey) { this.removeKey = removeKey; }
    public Integer getMaxTokens() { return maxTokens; }
    public void setMaxTokens(Integer maxTokens) { this.maxTokens = maxTokens; }
    public String getTemperature() { return temperature; }
    public void setTemperature(String temperature) { this.temperature = temperature; }
    public Integer getTimeoutSeconds() { return timeoutSeconds; }
    public void setTimeoutSeconds(Integer timeoutSeconds) { this.timeoutSeconds = timeoutSeconds; }
    public Integer getResponseDelay() { return responseDelay; }
    public void setResponseDelay(Integer responseDelay) { this.responseDelay = responseDelay; }
    public Map<String, String> getHours() { return hours; }
    public void setHours(Map<String, String> hours) { this.hours = hours; }
    public String getFallbackMessage() { return fallbackMessage; }
    public void setFallbackMessage(String fallbackMessage) { this.fallbackMessage = fallbackMessage; }
    public Integer getMaxTurns() { return maxTurns; }
    public void setMaxTurns(Integer maxTurns) { this.maxTurns = maxTurns; }
    public Integer getContextMessages() { return contextMessages; }
    public void setContextMessages(Integer contextMessages) { this.contextMessages = contextMessages; }
    public UUID getIntegrationId() { return integrationId; }
    public void setIntegrationId(UUID integrationId) { this.integrationId = integrationId; }
    public boolean isAutoAssign() { return autoAssign; }
    public void setAutoAssign(boolean autoAssign) { this.autoAssign = autoAssign; }
    public String getInputPrice() { return inputPrice; }
    public void setInputPrice(String inputPrice) { this.inputPrice = inputPrice; }
    public String getOutputPrice() { return outputPrice; }
    public void setOutputPrice(String outputPrice) { this.outputPrice = outputPrice; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
