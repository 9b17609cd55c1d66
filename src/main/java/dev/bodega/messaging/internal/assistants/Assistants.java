package dev.bodega.messaging.internal.assistants;

import dev.bodega.messaging.internal.Json;
import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.SecretHolder;
import dev.bodega.platform.Secrets;
import dev.bodega.platform.TenantContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The company's assistants (assistants), their provider keys encrypted with {@link Secrets}, bound to the company
 * and the assistant. Reads and writes as the current company.
 */
@Component
class Assistants implements SecretHolder {

    private static final String SELECT = """
            SELECT id, name, description, prompt, is_active, provider, model, base_url,
                   api_key_encrypted IS NOT NULL AS has_key, max_tokens, temperature, timeout_seconds, response_delay,
                   working_hours::text AS working_hours, fallback_message, max_turns, context_messages, integration_id,
                   auto_assign, input_price, output_price, version
            FROM assistants WHERE deleted_at IS NULL""";

    private final JdbcClient jdbc;
    private final Json json;
    private final Secrets secrets;

    Assistants(JdbcClient jdbc, Json json, Secrets secrets) {
        this.jdbc = jdbc;
        this.json = json;
        this.secrets = secrets;
    }

    List<Assistant> list() {
        return jdbc.sql(SELECT + " ORDER BY name, id").query(this::row).list();
    }

    Optional<Assistant> find(UUID id) {
        return jdbc.sql(SELECT + " AND id = :id").param("id", id).query(this::row).optional();
    }

    Assistant get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Assistant"));
    }

    /** The active assistant that takes a channel's new conversations. */
    Optional<Assistant> forChannel(UUID integrationId) {
        return jdbc.sql(SELECT + " AND is_active AND auto_assign AND integration_id = :channel")
                .param("channel", integrationId).query(this::row).optional();
    }

    /** The decrypted provider key, or null when none is kept. */
    String key(Assistant assistant) {
        UUID tenant = TenantContext.tenantId();
        byte[] stored = jdbc.sql("SELECT api_key_encrypted FROM assistants WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", assistant.id()).query(byte[].class).optional().orElse(null);
        return stored == null ? null : secrets.decryptText(tenant, purpose(assistant.id()), stored);
    }

    UUID create(AssistantRequest r) {
        UUID tenant = TenantContext.tenantId();
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO assistants (tenant_id, id, name, description, prompt, is_active, provider, model,
                                base_url, api_key_encrypted, max_tokens, temperature, timeout_seconds, response_delay,
                                working_hours, fallback_message, max_turns, context_messages, integration_id,
                                auto_assign, input_price, output_price)
                            VALUES (:tenant, :id, :name, :description, :prompt, :active, :provider, :model, :baseUrl,
                                :key, :maxTokens, :temperature, :timeout, :delay, CAST(:hours AS jsonb), :fallback,
                                :maxTurns, :context, :channel, :autoAssign, :inputPrice, :outputPrice)""")
                    .param("tenant", tenant).param("id", id)
                    .param("key", blank(r.apiKey()) ? null : secrets.encryptText(tenant, purpose(id), r.apiKey().strip()))
                    .params(values(r)).update();
        } catch (DuplicateKeyException e) {
            throw Problems.of(MessagingProblem.CHANNEL_HAS_ASSISTANT, "Another assistant takes this channel");
        } catch (DataIntegrityViolationException e) {
            throw Problems.of(MessagingProblem.ASSISTANT_CHANNEL_UNKNOWN, "No such channel");
        }
        return id;
    }

    /** Replaces an assistant; false when {@code version} is stale. */
    boolean update(UUID id, AssistantRequest r, long version) {
        UUID tenant = TenantContext.tenantId();
        get(id);
        String keyChange = r.apiKey() == null ? "api_key_encrypted" : ":key";
        try {
            return jdbc.sql("""
                            UPDATE assistants SET name = :name, description = :description, prompt = :prompt,
                                is_active = :active, provider = :provider, model = :model, base_url = :baseUrl,
                                api_key_encrypted = %s, max_tokens = :maxTokens, temperature = :temperature,
                                timeout_seconds = :timeout, response_delay = :delay, working_hours = CAST(:hours AS jsonb),
                                fallback_message = :fallback, max_turns = :maxTurns, context_messages = :context,
                                integration_id = :channel, auto_assign = :autoAssign, input_price = :inputPrice,
                                output_price = :outputPrice, updated_at = now(), version = version + 1
                            WHERE tenant_id = :tenant AND id = :id AND version = :version AND deleted_at IS NULL"""
                            .formatted(keyChange))
                    .param("tenant", tenant).param("id", id).param("version", version)
                    .param("key", blank(r.apiKey()) ? null : secrets.encryptText(tenant, purpose(id), r.apiKey().strip()))
                    .params(values(r)).update() == 1;
        } catch (DuplicateKeyException e) {
            throw Problems.of(MessagingProblem.CHANNEL_HAS_ASSISTANT, "Another assistant takes this channel");
        } catch (DataIntegrityViolationException e) {
            throw Problems.of(MessagingProblem.ASSISTANT_CHANNEL_UNKNOWN, "No such channel");
        }
    }

    void delete(UUID id) {
        get(id);
        jdbc.sql("""
                        UPDATE assistants SET deleted_at = now(), is_active = false, updated_at = now(),
                               version = version + 1
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
    }

    @Override
    public int reencrypt(Secrets with) {
        UUID tenant = TenantContext.tenantId();
        record Stored(UUID id, byte[] apiKeyEncrypted) {
        }
        List<Stored> stored = jdbc.sql("""
                        SELECT id, api_key_encrypted FROM assistants
                        WHERE tenant_id = :tenant AND api_key_encrypted IS NOT NULL FOR UPDATE""")
                .param("tenant", tenant).query(Stored.class).list();
        stored.forEach(s -> jdbc.sql("UPDATE assistants SET api_key_encrypted = :key WHERE tenant_id = :tenant AND id = :id")
                .param("key", with.reencrypt(tenant, purpose(s.id()), s.apiKeyEncrypted()))
                .param("tenant", tenant).param("id", s.id()).update());
        return stored.size();
    }

    private Map<String, Object> values(AssistantRequest r) {
        checkHours(r.workingHours());
        Map<String, Object> v = new HashMap<>();
        v.put("name", r.name().strip());
        v.put("description", r.description());
        v.put("prompt", r.prompt());
        v.put("active", !Boolean.FALSE.equals(r.active()));
        v.put("provider", r.provider() == null ? "builtin" : r.provider());
        v.put("model", blank(r.model()) ? null : r.model().strip());
        v.put("baseUrl", blank(r.baseUrl()) ? null : r.baseUrl().strip());
        v.put("maxTokens", r.maxTokens() == null ? 150 : r.maxTokens());
        v.put("temperature", r.temperature() == null ? new BigDecimal("0.7") : r.temperature());
        v.put("timeout", r.timeoutSeconds() == null ? 20 : r.timeoutSeconds());
        v.put("delay", r.responseDelay() == null ? 0 : r.responseDelay());
        v.put("hours", json.write(r.workingHours() == null ? Map.of() : r.workingHours()));
        v.put("fallback", blank(r.fallbackMessage()) ? null : r.fallbackMessage().strip());
        v.put("maxTurns", r.maxTurns() == null ? 10 : r.maxTurns());
        v.put("context", r.contextMessages() == null ? 20 : r.contextMessages());
        v.put("channel", r.integrationId());
        v.put("autoAssign", !Boolean.FALSE.equals(r.autoAssign()));
        v.put("inputPrice", r.inputPrice() == null ? BigDecimal.ZERO : r.inputPrice());
        v.put("outputPrice", r.outputPrice() == null ? BigDecimal.ZERO : r.outputPrice());
        return v;
    }

    @SuppressWarnings("unchecked")
    private Assistant row(ResultSet rs, int n) throws SQLException {
        return new Assistant(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("prompt"), rs.getBoolean("is_active"), rs.getString("provider"), rs.getString("model"),
                rs.getString("base_url"), rs.getBoolean("has_key"), rs.getInt("max_tokens"),
                rs.getBigDecimal("temperature"), rs.getInt("timeout_seconds"), rs.getInt("response_delay"),
                (Map<String, List<List<String>>>) (Map<?, ?>) json.read(rs.getString("working_hours")),
                rs.getString("fallback_message"), rs.getInt("max_turns"), rs.getInt("context_messages"),
                rs.getObject("integration_id", UUID.class), rs.getBoolean("auto_assign"),
                rs.getBigDecimal("input_price"), rs.getBigDecimal("output_price"), rs.getLong("version"));
    }

    /** Each day: spans "HH:mm" to a later "HH:mm". */
    private static void checkHours(Map<String, List<List<String>>> hours) {
        boolean valid = hours == null || hours.entrySet().stream().allMatch(day -> AssistantForm.DAYS.contains(day.getKey())
                && day.getValue().stream().allMatch(span -> {
                    try {
                        return span.size() == 2 && LocalTime.parse(span.get(0)).isBefore(LocalTime.parse(span.get(1)));
                    } catch (DateTimeParseException e) {
                        return false;
                    }
                }));
        if (!valid) {
            throw Problems.of(MessagingProblem.ASSISTANT_HOURS_INVALID, "Working hours: day → [[\"09:00\", \"18:00\"]]");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Bound to the assistant too, so a key copied onto another assistant does not decrypt. */
    private static String purpose(UUID assistantId) {
        return "assistant-key/" + assistantId;
    }
}
