package dev.bodega.messaging.internal.assistants;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assistant as created or replaced (API body and page form). Nulls take the seed's defaults (temperature 0.7,
 * 150 tokens). {@code apiKey}: a new key, or null to keep the one kept ({@code ""} removes it).
 */
public record AssistantRequest(@NotBlank @Size(max = 255) String name, String description, String prompt,
                               Boolean active,
                               @Pattern(regexp = "builtin|openai|anthropic|local") String provider,
                               @Size(max = 100) String model, @Size(max = 500) @Pattern(regexp = "https?://.+") String baseUrl,
                               String apiKey, @Min(1) @Max(8000) Integer maxTokens,
                               @DecimalMin("0") @DecimalMax("2") BigDecimal temperature,
                               @Min(1) @Max(120) Integer timeoutSeconds, @Min(0) @Max(600) Integer responseDelay,
                               Map<String, List<List<String>>> workingHours, String fallbackMessage,
                               @Min(1) @Max(100) Integer maxTurns, @Min(1) @Max(100) Integer contextMessages,
                               UUID integrationId, Boolean autoAssign,
                               @DecimalMin("0") BigDecimal inputPrice, @DecimalMin("0") BigDecimal outputPrice) {
}
