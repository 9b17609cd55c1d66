package dev.bodega.platform.internal.partners;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Text;
import dev.bodega.platform.Versions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's partner organizations (seed 004 organizations): customers, suppliers (each under a parent) and at
 * most one manufacturer, names unique in the tenant, customers limited by the plan.
 */
@Service
class PartnerOrganizations {

    static final List<String> TYPES = List.of("customer", "supplier", "manufacturer");

    record OrganizationView(UUID id, String name, String type, UUID parentId, String parentName, String address,
                            String contact, boolean active, Instant createdAt, Instant updatedAt, long version) {
    }

    record OrganizationRequest(
            @NotBlank(message = "{partners.name.required}") @Size(max = 200, message = "{field.too-long}") String name,
            @NotNull(message = "{partners.type.required}")
            @Pattern(regexp = "customer|supplier|manufacturer", message = "{partners.type.required}") String type,
            UUID parentId,
            @Size(max = 1000, message = "{field.too-long}") String address,
            @Size(max = 1000, message = "{field.too-long}") String contact,
            Boolean active) {
    }

    /** One row of seed 004's organization_hierarchy: its depth under its root. */
    record HierarchyRow(UUID id, String name, String type, UUID parentId, boolean active, int level) {
    }

    private static final String SELECT = """
            SELECT o.id, o.name, o.type, o.parent_id, p.name AS parent_name, o.address, o.contact, o.active,
                   o.created_at, o.updated_at, o.version
            FROM partner_organizations o
            LEFT JOIN partner_organizations p ON p.tenant_id = o.tenant_id AND p.id = o.parent_id""";

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    PartnerOrganizations(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public CursorPage<OrganizationView> list(String q, String type, UUID before, int limit) {
        String pattern = q == null || q.isBlank() ? null : "%" + q.trim().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        List<OrganizationView> rows = jdbc.sql(SELECT + """
                         WHERE (CAST(:q AS text) IS NULL OR o.name ILIKE :q OR o.contact ILIKE :q)
                          AND (CAST(:type AS text) IS NULL OR o.type = :type)
                          AND (CAST(:before AS uuid) IS NULL OR o.id < :before)
                        ORDER BY o.id DESC LIMIT :limit""")
                .param("q", pattern).param("type", Text.blankToNull(type)).param("before", before)
                .param("limit", limit + 1)
                .query(OrganizationView.class).list();
        return CursorPage.of(rows, limit, OrganizationView::id);
    }

    @Transactional(readOnly = true)
    public OrganizationView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id)
                .query(OrganizationView.class).optional()
                .orElseThrow(() -> new NotFoundException("Organization"));
    }

    @Transactional(readOnly = true)
    public List<OrganizationView> children(UUID id) {
        get(id);
        return jdbc.sql(SELECT + " WHERE o.parent_id = :id ORDER BY lower(o.name)").param("id", id)
                .query(OrganizationView.class).list();
    }

    /**
     * The whole tree (seed 004's organization_hierarchy), each organization after its parent, siblings by name. Both
     * halves of the recursion name the company: a distributed PostgreSQL runs a recursive query only on one shard.
     */
    @Transactional(readOnly = true)
    public List<HierarchyRow> hierarchy() {
        return jdbc.sql("""
                        WITH RECURSIVE tree AS (
                            SELECT id, name, type, parent_id, active, 0 AS level, ARRAY[lower(name)]::text[] AS path
                            FROM partner_organizations WHERE tenant_id = :tenant AND parent_id IS NULL
                            UNION ALL
                            SELECT o.id, o.name, o.type, o.parent_id, o.active, t.level + 1,
                                   t.path || lower(o.name)::text
                            FROM partner_organizations o JOIN tree t ON o.tenant_id = :tenant AND o.parent_id = t.id)
                        SELECT id, name, type, parent_id, active, level FROM tree ORDER BY path""")
                .param("tenant", TenantContext.tenantId()).query(HierarchyRow.class).list();
    }

    /** Organizations that may be a parent, by name. */
    @Transactional(readOnly = true)
    public List<OrganizationView> all() {
        return jdbc.sql(SELECT + " ORDER BY lower(o.name)").query(OrganizationView.class).list();
    }

    @Transactional
    public OrganizationView create(OrganizationRequest request) {
        requireParent(null, request);
        if ("customer".equals(request.type())) {
            requireCustomerSlot();
        }
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO partner_organizations (tenant_id, id, name, type, parent_id, address, contact,
                                                               active)
                            VALUES (:tenant, :id, :name, :type, :parentId, :address, :contact, :active)""")
                    .params(params(request)).param("tenant", TenantContext.tenantId()).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw taken(e, request);
        }
        return get(id);
    }

    @Transactional
    public OrganizationView update(UUID id, Long expectedVersion, OrganizationRequest request) {
        OrganizationView current = get(id);
        Versions.check(expectedVersion, current.version());
        requireParent(id, request);
        if ("customer".equals(request.type()) && !"customer".equals(current.type())) {
            requireCustomerSlot();
        }
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE partner_organizations SET name = :name, type = :type, parent_id = :parentId,
                                   address = :address, contact = :contact, active = :active,
                                   version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .params(params(request)).param("tenant", TenantContext.tenantId()).param("id", id)
                    .param("version", current.version()).update();
        } catch (DuplicateKeyException e) {
            throw taken(e, request);
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    /** Only an organization nothing points at (children, and later machines, warehouses, users) goes away. */
    @Transactional
    public void delete(UUID id) {
        get(id);
        try {
            jdbc.sql("DELETE FROM partner_organizations WHERE tenant_id = :tenant AND id = :id")
                    .param("tenant", TenantContext.tenantId()).param("id", id).update();
        } catch (DataIntegrityViolationException e) {
            throw Problems.of(PartnerProblem.IN_USE, "Other records belong to this organization");
        }
    }

    /** A supplier needs a parent (seed 004's CHECK); a parent exists and is not the organization or below it. */
    private void requireParent(UUID id, OrganizationRequest request) {
        if (request.parentId() == null) {
            if ("supplier".equals(request.type())) {
                throw Problems.of(PartnerProblem.SUPPLIER_NEEDS_PARENT, "A supplier belongs to a parent organization");
            }
            return;
        }
        if (jdbc.sql("SELECT count(*) FROM partner_organizations WHERE id = :id").param("id", request.parentId())
                .query(Long.class).single() == 0) {
            throw Problems.of(PartnerProblem.UNKNOWN_PARENT, "No organization " + request.parentId());
        }
        if (id != null && isSelfOrBelow(id, request.parentId())) {
            throw Problems.of(PartnerProblem.PARENT_CYCLE, "An organization cannot hang from itself or below itself");
        }
    }

    private boolean isSelfOrBelow(UUID id, UUID candidate) {
        return jdbc.sql("""
                        WITH RECURSIVE below AS (
                            SELECT id FROM partner_organizations WHERE tenant_id = :tenant AND id = :id
                            UNION
                            SELECT o.id FROM partner_organizations o
                            JOIN below b ON o.tenant_id = :tenant AND o.parent_id = b.id)
                        SELECT count(*) FROM below WHERE id = :candidate""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("candidate", candidate)
                .query(Long.class).single() > 0;
    }

    /** Locks the tenant row so two creations cannot both take the plan's last slot. */
    private void requireCustomerSlot() {
        int max = settings.currentLocked().maxCustomerOrganizations();
        long customers = jdbc.sql("SELECT count(*) FROM partner_organizations WHERE type = 'customer'")
                .query(Long.class).single();
        if (customers >= max) {
            throw Problems.of(PartnerProblem.MAX_CUSTOMERS, "The company's plan allows " + max + " customer organizations");
        }
    }

    private static Map<String, Object> params(OrganizationRequest r) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", r.name().trim());
        params.put("type", r.type());
        params.put("parentId", r.parentId());
        params.put("address", Text.blankToNull(r.address()));
        params.put("contact", Text.blankToNull(r.contact()));
        params.put("active", !Boolean.FALSE.equals(r.active()));
        return params;
    }

    private static RuntimeException taken(DuplicateKeyException e, OrganizationRequest request) {
        if (String.valueOf(e.getMessage()).contains("partner_organizations_one_manufacturer")) {
            return Problems.of(PartnerProblem.MANUFACTURER_EXISTS, "The company already has a manufacturer");
        }
        return Problems.of(PartnerProblem.NAME_TAKEN,
                "An organization named '" + request.name().trim() + "' already exists");
    }
}
