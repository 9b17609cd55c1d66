package dev.bodega.messaging.internal.templates;

import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** Tags (seed 002): unique by name in the company, default colour #3B82F6, how many conversations carry each. */
@Service
public class Tags {

    public static final String DEFAULT_COLOR = "#3B82F6";

    public record TagView(UUID id, String name, String description, String color, String category, boolean active,
                          int usageCount, long version) {
    }

    public record TagRequest(@NotBlank(message = "{inbox.tag.name.required}") @Size(max = 100, message = "{field.too-long}") String name,
                             @Size(max = 1000, message = "{field.too-long}") String description,
                             @Pattern(regexp = "^#[0-9A-Fa-f]{6}$", message = "{inbox.tag.color.invalid}") String color,
                             @Size(max = 50, message = "{field.too-long}") String category, Boolean active) {
    }

    private static final String SELECT = """
            SELECT id, name, description, color, category, is_active AS active, usage_count, version FROM tags""";

    private final JdbcClient jdbc;

    Tags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<TagView> list() {
        return jdbc.sql(SELECT + " ORDER BY lower(name)").query(TagView.class).list();
    }

    @Transactional(readOnly = true)
    public TagView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(TagView.class).optional()
                .orElseThrow(() -> new NotFoundException("Tag"));
    }

    @Transactional
    public TagView create(TagRequest request) {
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO tags (tenant_id, id, name, description, color, category, is_active)
                            VALUES (:tenant, :id, :name, :description, :color, :category, :active)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("name", request.name().strip())
                    .param("description", Text.blankToNull(request.description()))
                    .param("color", request.color() == null || request.color().isBlank() ? DEFAULT_COLOR : request.color())
                    .param("category", request.category() == null || request.category().isBlank() ? "general" : request.category())
                    .param("active", request.active() == null || request.active()).update();
        } catch (DuplicateKeyException e) {
            throw Problems.of(MessagingProblem.NAME_TAKEN, "A tag with that name exists");
        }
        return get(id);
    }

    @Transactional
    public TagView update(UUID id, long version, TagRequest request) {
        get(id);
        try {
            int changed = jdbc.sql("""
                            UPDATE tags SET name = :name, description = :description, color = :color, category = :category,
                                   is_active = :active, updated_at = now(), version = version + 1
                            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .param("name", request.name().strip()).param("description", Text.blankToNull(request.description()))
                    .param("color", request.color() == null || request.color().isBlank() ? DEFAULT_COLOR : request.color())
                    .param("category", request.category() == null || request.category().isBlank() ? "general" : request.category())
                    .param("active", request.active() == null || request.active())
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("version", version).update();
            if (changed == 0) {
                throw Problems.staleVersion();
            }
        } catch (DuplicateKeyException e) {
            throw Problems.of(MessagingProblem.NAME_TAKEN, "A tag with that name exists");
        }
        return get(id);
    }
}
