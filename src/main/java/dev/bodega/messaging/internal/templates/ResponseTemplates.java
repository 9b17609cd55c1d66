package dev.bodega.messaging.internal.templates;

import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Response templates (seed 002): canned answers an agent picks by typing {@code /shortcut}, and with trigger keywords
 * auto-replies (highest priority first). A deleted template keeps its row for the messages that used it.
 */
@Service
public class ResponseTemplates {

    public record TemplateView(UUID id, String name, String shortcut, String content, String category,
                               List<String> triggerKeywords, int priority, boolean active, int usageCount,
                               String channelTemplateName, String channelTemplateLanguage, long version) {
    }

    public record TemplateRequest(
            @NotBlank(message = "{inbox.template.name.required}") @Size(max = 255, message = "{field.too-long}") String name,
            @NotBlank(message = "{inbox.template.shortcut.invalid}")
            @Pattern(regexp = "^[a-z0-9_-]{1,50}$", message = "{inbox.template.shortcut.invalid}") String shortcut,
            @NotBlank(message = "{inbox.template.content.required}") @Size(max = 4096, message = "{field.too-long}") String content,
            @Size(max = 100, message = "{field.too-long}") String category,
            List<String> triggerKeywords,
            @PositiveOrZero(message = "{inbox.template.priority.invalid}") Integer priority,
            Boolean active,
            @Size(max = 512, message = "{field.too-long}") String channelTemplateName,
            @Size(max = 15, message = "{field.too-long}") String channelTemplateLanguage) {
    }

    /** What the reply box offers after "/". */
    public record Canned(UUID id, String shortcut, String name, String content) {
    }

    private static final String SELECT = """
            SELECT id, name, shortcut, content, category, trigger_keywords, priority, is_active, usage_count,
                   channel_template_name, channel_template_language, version
            FROM response_templates""";

    private final JdbcClient jdbc;

    ResponseTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<TemplateView> list() {
        return jdbc.sql(SELECT + " WHERE deleted_at IS NULL ORDER BY priority DESC, lower(name)").query(this::row).list();
    }

    @Transactional(readOnly = true)
    public List<Canned> canned() {
        return jdbc.sql("""
                        SELECT id, shortcut, name, content FROM response_templates
                        WHERE deleted_at IS NULL AND is_active ORDER BY shortcut""")
                .query(Canned.class).list();
    }

    @Transactional(readOnly = true)
    public TemplateView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id AND deleted_at IS NULL").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("Response template"));
    }

    @Transactional
    public TemplateView create(TemplateRequest request) {
        UUID id = Ids.next();
        write("""
                INSERT INTO response_templates (tenant_id, id, name, shortcut, content, category, trigger_keywords,
                                                priority, is_active, channel_template_name, channel_template_language)
                VALUES (:tenant, :id, :name, :shortcut, :content, :category, :keywords, :priority, :active,
                        :channelName, :channelLanguage)""", id, request, 0);
        return get(id);
    }

    @Transactional
    public TemplateView update(UUID id, long version, TemplateRequest request) {
        get(id);
        if (write("""
                UPDATE response_templates SET name = :name, shortcut = :shortcut, content = :content,
                       category = :category, trigger_keywords = :keywords, priority = :priority, is_active = :active,
                       channel_template_name = :channelName, channel_template_language = :channelLanguage,
                       updated_at = now(), version = version + 1
                WHERE tenant_id = :tenant AND id = :id AND version = :version""", id, request, version) == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        jdbc.sql("""
                        UPDATE response_templates SET deleted_at = now(), is_active = false, version = version + 1
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
    }

    private int write(String sql, UUID id, TemplateRequest request, long version) {
        try {
            return jdbc.sql(sql).param("tenant", TenantContext.tenantId()).param("id", id)
                    .param("name", request.name().strip()).param("shortcut", request.shortcut())
                    .param("content", request.content().strip())
                    .param("category", request.category() == null || request.category().isBlank() ? "general" : request.category())
                    .param("keywords", keywords(request.triggerKeywords()))
                    .param("priority", request.priority() == null ? 0 : request.priority())
                    .param("active", request.active() == null || request.active())
                    .param("channelName", Text.blankToNull(request.channelTemplateName()))
                    .param("channelLanguage", Text.blankToNull(request.channelTemplateLanguage()))
                    .param("version", version).update();
        } catch (DuplicateKeyException e) {
            throw Problems.of(MessagingProblem.NAME_TAKEN, "Another template uses that shortcut");
        }
    }

    /** Keywords as typed, lower case, without blanks or repeats ("Horario, precio" in a form is split by the caller). */
    static String[] keywords(List<String> keywords) {
        return keywords == null ? new String[0] : keywords.stream().map(k -> k.strip().toLowerCase(Locale.ROOT))
                .filter(k -> !k.isEmpty()).distinct().toArray(String[]::new);
    }

    private TemplateView row(ResultSet rs, int n) throws SQLException {
        return new TemplateView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("shortcut"),
                rs.getString("content"), rs.getString("category"),
                List.of((String[]) rs.getArray("trigger_keywords").getArray()), rs.getInt("priority"),
                rs.getBoolean("is_active"), rs.getInt("usage_count"), rs.getString("channel_template_name"),
                rs.getString("channel_template_language"), rs.getLong("version"));
    }
}
