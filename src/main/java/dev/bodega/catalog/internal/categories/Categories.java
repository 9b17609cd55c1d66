package dev.bodega.catalog.internal.categories;

import dev.bodega.catalog.internal.CatalogProblem;
import dev.bodega.catalog.internal.SqlErrors;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * The category tree (seed 001 parent_id). The database refuses cycles (a
 * trigger) and duplicate sibling names; deactivating a category deactivates
 * its whole subtree, and nothing new goes under an inactive category.
 */
@Service
public class Categories {

    /**
     * A category with where it sits: {@code path} like "Herramientas/Manuales", depth 0 at the root;
     * {@code itemCount} counts the items in it and in its subcategories.
     */
    record CategoryView(UUID id, UUID parentId, String name, String description, String path, int depth,
                        boolean active, long itemCount, long version) {
    }

    /** Create or change: name, parent (null for the root level), description; {@code active} null keeps it. */
    record CategoryRequest(
            @NotBlank(message = "{catalog.category.name.required}") @Size(max = 120, message = "{field.too-long}")
            @Pattern(regexp = "[^/]*", message = "{catalog.category.name.slash}") String name,
            UUID parentId,
            @Size(max = 2000, message = "{field.too-long}") String description,
            Boolean active) {
    }

    /** Every category with its path, ordered as the tree reads (each parent before its children, siblings by name). */
    private static final String TREE = """
            WITH RECURSIVE tree AS (
                SELECT c.id, c.parent_id, c.name, c.description, c.active, c.version,
                       c.name::text AS path, 0 AS depth, ARRAY[lower(c.name)::text] AS sort_key
                FROM categories c WHERE c.tenant_id = :tenant AND c.parent_id IS NULL
                UNION ALL
                SELECT c.id, c.parent_id, c.name, c.description, c.active, c.version,
                       t.path || '/' || c.name, t.depth + 1, t.sort_key || lower(c.name)::text
                FROM categories c JOIN tree t ON c.tenant_id = :tenant AND c.parent_id = t.id
            )
            SELECT t.id, t.parent_id, t.name, t.description, t.path, t.depth, t.active,
                   (SELECT count(*) FROM items i WHERE i.tenant_id = :tenant AND i.category_id = t.id
                                                  AND i.deleted_at IS NULL) AS item_count,
                   t.version
            FROM tree t
            """;

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<CategoryView> tree(Boolean active) {
        return withSubtreeCounts(jdbc.sql(TREE + " ORDER BY t.sort_key").param("tenant", TenantContext.tenantId())
                .query(CategoryView.class).list()).stream()
                .filter(category -> active == null || category.active() == active)
                .toList();
    }

    @Transactional(readOnly = true)
    public CategoryView get(UUID id) {
        return tree(null).stream().filter(category -> category.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Category"));
    }

    /** Adds each category's item count to its ancestors' (children come after their parent in tree order). */
    private static List<CategoryView> withSubtreeCounts(List<CategoryView> tree) {
        Map<UUID, Long> totals = new HashMap<>();
        for (int i = tree.size() - 1; i >= 0; i--) {
            CategoryView category = tree.get(i);
            long total = category.itemCount() + totals.getOrDefault(category.id(), 0L);
            totals.put(category.id(), total);
            if (category.parentId() != null) {
                totals.merge(category.parentId(), total, Long::sum);
            }
        }
        return tree.stream().map(c -> new CategoryView(c.id(), c.parentId(), c.name(), c.description(), c.path(),
                c.depth(), c.active(), totals.get(c.id()), c.version())).toList();
    }

    /** Category id → path, for showing items with their category. */
    @Transactional(readOnly = true)
    public Map<UUID, String> paths() {
        Map<UUID, String> paths = new HashMap<>();
        for (CategoryView category : tree(null)) {
            paths.put(category.id(), category.path());
        }
        return paths;
    }

    @Transactional
    public CategoryView create(CategoryRequest request) {
        requireActiveParent(request.parentId());
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO categories (tenant_id, id, parent_id, name, description)
                            VALUES (:tenant, :id, :parent, :name, :description)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id)
                    .param("parent", request.parentId()).param("name", request.name().trim())
                    .param("description", blankToNull(request.description()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        }
        return get(id);
    }

    /** Rename, move, describe, (re)activate; moving under its own descendant is a 409 category-cycle. */
    @Transactional
    public CategoryView update(UUID id, Long expectedVersion, CategoryRequest request) {
        CategoryView current = get(id);
        Versions.check(expectedVersion, current.version());
        boolean active = request.active() == null ? current.active() : request.active();
        if (request.parentId() != null && !request.parentId().equals(current.parentId())) {
            requireActiveParent(request.parentId());
        }
        if (active && !current.active()) {
            requireActiveParent(request.parentId());
        }
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE categories SET name = :name, parent_id = :parent, description = :description,
                                   active = :active, version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .param("tenant", TenantContext.tenantId())
                    .param("name", request.name().trim()).param("parent", request.parentId())
                    .param("description", blankToNull(request.description())).param("active", active)
                    .param("id", id).param("version", current.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(request.name());
        } catch (DataAccessException e) {
            if (SqlErrors.hinted(e, "category-cycle")) {
                throw Problems.of(CatalogProblem.CATEGORY_CYCLE,
                        "A category cannot be moved under itself or its own subcategories");
            }
            throw e;
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        if (current.active() && !active) {
            deactivateBelow(id);
        }
        return get(id);
    }

    /** Deactivates the category and everything below it; items keep their category. */
    @Transactional
    public CategoryView deactivate(UUID id, Long expectedVersion) {
        CategoryView current = get(id);
        Versions.check(expectedVersion, current.version());
        return update(id, expectedVersion,
                new CategoryRequest(current.name(), current.parentId(), current.description(), false));
    }

    /**
     * The id of the category at {@code path} ("Herramientas/Manuales"), creating the missing levels (CSV import).
     * {@code known} caches paths already resolved in this transaction.
     */
    @Transactional
    public UUID resolvePath(String path, Map<String, UUID> known) {
        UUID parent = null;
        StringBuilder sofar = new StringBuilder();
        for (String part : path.split("/")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            sofar.append('/').append(name.toLowerCase(Locale.ROOT));
            UUID cached = known.get(sofar.toString());
            if (cached == null) {
                cached = findOrCreate(parent, name);
                known.put(sofar.toString(), cached);
            }
            parent = cached;
        }
        return parent;
    }

    /** Whether a category exists and is active (items may only be filed under active categories). */
    @Transactional(readOnly = true)
    public boolean isActive(UUID id) {
        return jdbc.sql("SELECT active FROM categories WHERE id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    private UUID findOrCreate(UUID parent, String name) {
        var existing = jdbc.sql("""
                        SELECT id FROM categories
                        WHERE parent_id IS NOT DISTINCT FROM CAST(:parent AS uuid) AND lower(name) = lower(:name)""")
                .param("parent", parent).param("name", name)
                .query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = Ids.next();
        jdbc.sql("INSERT INTO categories (tenant_id, id, parent_id, name) VALUES (:tenant, :id, :parent, :name)")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("parent", parent).param("name", name)
                .update();
        return id;
    }

    private void deactivateBelow(UUID id) {
        jdbc.sql("""
                        WITH RECURSIVE below AS (
                            SELECT id FROM categories WHERE tenant_id = :tenant AND parent_id = :id
                            UNION ALL
                            SELECT c.id FROM categories c JOIN below b ON c.tenant_id = :tenant AND c.parent_id = b.id
                        )
                        UPDATE categories SET active = false, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id IN (SELECT id FROM below) AND active""")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
    }

    private void requireActiveParent(UUID parentId) {
        if (parentId == null) {
            return;
        }
        Boolean active = jdbc.sql("SELECT active FROM categories WHERE id = :id").param("id", parentId)
                .query(Boolean.class).optional()
                .orElseThrow(() -> Problems.of(CatalogProblem.UNKNOWN_CATEGORY, "The parent category does not exist"));
        if (!active) {
            throw Problems.of(CatalogProblem.INACTIVE_CATEGORY, "The parent category is inactive");
        }
    }

    private static RuntimeException nameTaken(String name) {
        return Problems.of(CatalogProblem.CATEGORY_NAME_TAKEN,
                "A category named '" + name.trim() + "' already exists there");
    }

}
