package dev.bodega.catalog.internal.items;

import dev.bodega.catalog.internal.categories.Categories;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Finding items (seed 003): Spanish full text on name, brand and description
 * ("tornillos" finds "Tornillo"), trigram similarity on SKU and on the name
 * without its accents (a typo, a fragment or a missing accent still finds it:
 * "bujia" finds "Bujía"), and prefixes of SKU and barcode; ranked, and
 * paged by (rank, id) so a page never repeats or skips an item.
 */
@Service
class ItemSearch {

    /** {@code modelId}: only items compatible with this vehicle model. */
    record Filter(String q, UUID categoryId, String kind, String brand, Boolean active, Boolean discontinued,
                  UUID modelId) {
        boolean searching() {
            return q != null && !q.isBlank();
        }
    }

    /** A name folded for comparing: lower case, no accents; the expression of the index in V93. */
    private static final String FOLDED_NAME = "translate(lower(i.name), 'áàâäéèêëíìîïóòôöúùûüñç', 'aaaaeeeeiiiioooouuuunc')";
    private static final String FOLDED_Q = "translate(lower(:q), 'áàâäéèêëíìîïóòôöúùûüñç', 'aaaaeeeeiiiioooouuuunc')";

    private static final String QUERY = """
            SELECT * FROM (
                SELECT %s,
                       CAST(CASE WHEN CAST(:q AS text) IS NULL THEN 0 ELSE
                           ts_rank(i.search, websearch_to_tsquery('spanish', :q))
                           + similarity(lower(i.sku), lower(:q)) + similarity(%2$s, %3$s)
                           + word_similarity(lower(:q), lower(i.sku)) + word_similarity(%3$s, %2$s)
                           + CASE WHEN i.sku_key = lower(:q) OR i.barcode = :q THEN 10 ELSE 0 END
                           + CASE WHEN lower(i.sku) LIKE :prefix THEN 1 ELSE 0 END
                       END AS real) AS score
                FROM items i JOIN units u ON u.code = i.unit_code
                WHERE i.tenant_id = :tenant AND i.deleted_at IS NULL
                  AND (CAST(:q AS text) IS NULL
                       OR i.search @@ websearch_to_tsquery('spanish', :q)
                       OR lower(i.sku) %% lower(:q) OR lower(:q) <%% lower(i.sku)
                       OR %2$s %% %3$s OR %3$s <%% %2$s
                       OR lower(i.sku) LIKE :prefix OR i.barcode LIKE :prefix)
                  AND (CAST(:category AS uuid) IS NULL OR i.category_id IN (
                       WITH RECURSIVE below AS (
                           SELECT id FROM categories WHERE tenant_id = :tenant AND id = :category
                           UNION ALL
                           SELECT c.id FROM categories c JOIN below b ON c.tenant_id = :tenant AND c.parent_id = b.id)
                       SELECT id FROM below))
                  AND (CAST(:kind AS text) IS NULL OR i.kind = :kind)
                  AND (CAST(:brand AS text) IS NULL OR lower(i.brand) = lower(:brand))
                  AND (CAST(:active AS boolean) IS NULL OR i.active = :active)
                  AND (CAST(:discontinued AS boolean) IS NULL OR i.discontinued = :discontinued)
                  AND (CAST(:model AS uuid) IS NULL OR EXISTS (SELECT 1 FROM item_vehicle_models m
                       WHERE m.tenant_id = i.tenant_id AND m.item_id = i.id AND m.model_id = :model))
            ) found
            WHERE CAST(:afterId AS uuid) IS NULL OR (found.score, found.id) < (CAST(:afterScore AS real), :afterId)
            ORDER BY found.score DESC, found.id DESC
            LIMIT :limit""".formatted(Items.COLUMNS, FOLDED_NAME, FOLDED_Q);

    private final JdbcClient jdbc;
    private final Categories categories;

    ItemSearch(JdbcClient jdbc, Categories categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    /** Newest first without {@code q}, best match first with it; the cursor names the last item shown. */
    @Transactional(readOnly = true)
    public CursorPage<Items.ItemView> list(Filter filter, String cursor, int limit) {
        String q = filter.searching() ? filter.q().trim() : null;
        Cursor after = Cursor.parse(cursor);
        Map<UUID, String> paths = categories.paths();
        List<Scored> rows = jdbc.sql(QUERY).param("tenant", TenantContext.tenantId())
                .param("q", q).param("prefix", q == null ? null : escapeLike(q.toLowerCase()) + "%")
                .param("category", filter.categoryId()).param("kind", blankToNull(filter.kind()))
                .param("brand", blankToNull(filter.brand())).param("active", filter.active())
                .param("discontinued", filter.discontinued()).param("model", filter.modelId())
                .param("afterScore", after == null ? null : after.score())
                .param("afterId", after == null ? null : after.id())
                .param("limit", limit + 1)
                .query((rs, n) -> new Scored(Items.row(rs, paths), rs.getFloat("score")))
                .list();
        CursorPage<Scored> page = CursorPage.of(rows, limit, Scored::cursor);
        return new CursorPage<>(page.items().stream().map(Scored::item).toList(), page.nextCursor());
    }

    private record Scored(Items.ItemView item, float score) {
        String cursor() {
            return score + "_" + item.id();
        }
    }

    /** "score_id"; a bare id (as other lists use) means score 0, the score of every item when not searching. */
    private record Cursor(float score, UUID id) {
        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                int split = cursor.indexOf('_');
                if (split < 0) {
                    return new Cursor(0, UUID.fromString(cursor));
                }
                return new Cursor(Float.parseFloat(cursor.substring(0, split)), UUID.fromString(cursor.substring(split + 1)));
            } catch (IllegalArgumentException e) {
                throw Problems.of(PlatformProblem.VALIDATION, "Invalid cursor");
            }
        }
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
