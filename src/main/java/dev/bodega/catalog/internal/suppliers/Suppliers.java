package dev.bodega.catalog.internal.suppliers;

import dev.bodega.platform.Text;
import dev.bodega.catalog.internal.CatalogProblem;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PartnerDirectory;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Suppliers (seed 000), with email and phone validated here and again by the database. */
@Service
public class Suppliers {

    public record SupplierView(UUID id, String name, String taxId, String contactName, String email, String phone,
                        String address, String city, String country, String notes, boolean active,
                        Instant createdAt, Instant updatedAt, long version, UUID organizationId) {
    }

    /** The same rules as the table's CHECKs, so a caller gets a field error instead of a refused row. */
    public record SupplierRequest(
            @NotBlank(message = "{catalog.supplier.name.required}") @Size(max = 200, message = "{field.too-long}") String name,
            @Size(max = 40, message = "{field.too-long}") String taxId,
            @Size(max = 200, message = "{field.too-long}") String contactName,
            @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "{field.email.invalid}")
            @Size(max = 254, message = "{field.too-long}") String email,
            @Pattern(regexp = "(\\+?[0-9 ()-]{6,31})?", message = "{catalog.supplier.phone.invalid}") String phone,
            @Size(max = 1000, message = "{field.too-long}") String address,
            @Size(max = 100, message = "{field.too-long}") String city,
            @Pattern(regexp = "([A-Za-z]{2})?", message = "{catalog.supplier.country.invalid}") String country,
            @Size(max = 4000, message = "{field.too-long}") String notes,
            Boolean active,
            UUID organizationId) {

        /** A supplier that is not (or not yet) one of the partner organizations. */
        public SupplierRequest(String name, String taxId, String contactName, String email, String phone,
                               String address, String city, String country, String notes, Boolean active) {
            this(name, taxId, contactName, email, phone, address, city, country, notes, active, null);
        }
    }

    private static final String SELECT = """
            SELECT id, name, tax_id, contact_name, email, phone, address, city, country, notes, active, created_at,
                   updated_at, version, organization_id
            FROM suppliers WHERE deleted_at IS NULL""";

    private final JdbcClient jdbc;
    private final PartnerDirectory partners;

    Suppliers(JdbcClient jdbc, PartnerDirectory partners) {
        this.jdbc = jdbc;
        this.partners = partners;
    }

    @Transactional(readOnly = true)
    public CursorPage<SupplierView> list(String q, Boolean active, UUID before, int limit) {
        String pattern = q == null || q.isBlank() ? null : "%" + q.trim().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        List<SupplierView> rows = jdbc.sql(SELECT + """
                          AND (CAST(:q AS text) IS NULL OR name ILIKE :q OR tax_id ILIKE :q OR contact_name ILIKE :q
                               OR email ILIKE :q)
                          AND (CAST(:active AS boolean) IS NULL OR active = :active)
                          AND (CAST(:before AS uuid) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit""")
                .param("q", pattern).param("active", active).param("before", before).param("limit", limit + 1)
                .query(SupplierView.class).list();
        return CursorPage.of(rows, limit, SupplierView::id);
    }

    /** Active suppliers by name, for choosing one on a page. */
    @Transactional(readOnly = true)
    public List<SupplierView> allActive() {
        return jdbc.sql(SELECT + " AND active ORDER BY lower(name)").query(SupplierView.class).list();
    }

    @Transactional(readOnly = true)
    public SupplierView get(UUID id) {
        return jdbc.sql(SELECT + " AND id = :id").param("id", id)
                .query(SupplierView.class).optional()
                .orElseThrow(() -> new NotFoundException("Supplier"));
    }

    @Transactional
    public SupplierView create(SupplierRequest request) {
        requireSupplierOrganization(request.organizationId());
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO suppliers (tenant_id, id, name, tax_id, contact_name, email, phone, address,
                                                   city, country, notes, active, organization_id)
                            VALUES (:tenant, :id, :name, :taxId, :contactName, :email, :phone, :address, :city,
                                    :country, :notes, :active, :organization)""")
                    .params(params(request)).param("tenant", TenantContext.tenantId()).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(e, request);
        }
        return get(id);
    }

    @Transactional
    public SupplierView update(UUID id, Long expectedVersion, SupplierRequest request) {
        SupplierView current = get(id);
        Versions.check(expectedVersion, current.version());
        requireSupplierOrganization(request.organizationId());
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE suppliers SET name = :name, tax_id = :taxId, contact_name = :contactName,
                                   email = :email, phone = :phone, address = :address, city = :city,
                                   country = :country, notes = :notes, active = :active,
                                   organization_id = :organization, version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version AND deleted_at IS NULL""")
                    .param("tenant", TenantContext.tenantId())
                    .params(params(request)).param("id", id).param("version", current.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(e, request);
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    /** Soft delete; its links to items go, since nobody can order from it any more. */
    @Transactional
    public void delete(UUID id) {
        get(id);
        jdbc.sql("DELETE FROM item_suppliers WHERE tenant_id = :tenant AND supplier_id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        jdbc.sql("""
                        UPDATE suppliers SET deleted_at = now(), active = false, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
    }

    private static Map<String, Object> params(SupplierRequest r) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("name", r.name().trim());
        params.put("taxId", Text.blankToNull(r.taxId()));
        params.put("contactName", Text.blankToNull(r.contactName()));
        params.put("email", r.email() == null || r.email().isBlank() ? null : r.email().trim().toLowerCase(Locale.ROOT));
        params.put("phone", Text.blankToNull(r.phone()));
        params.put("address", Text.blankToNull(r.address()));
        params.put("city", Text.blankToNull(r.city()));
        params.put("country", r.country() == null || r.country().isBlank() ? null : r.country().trim().toUpperCase(Locale.ROOT));
        params.put("notes", Text.blankToNull(r.notes()));
        params.put("active", !Boolean.FALSE.equals(r.active()));
        params.put("organization", r.organizationId());
        return params;
    }

    /** Seed 004: a supplier organization (under its parent) is one supplier record of the shop. */
    private void requireSupplierOrganization(UUID organization) {
        if (organization != null && !partners.isOfType(organization, "supplier")) {
            throw Problems.of(CatalogProblem.NOT_A_SUPPLIER_ORGANIZATION, "No supplier organization " + organization);
        }
    }

    /** The supplier organizations a supplier record may stand for, by name. */
    public List<PartnerDirectory.Organization> supplierOrganizations() {
        return partners.ofType("supplier");
    }

    private static RuntimeException taken(DuplicateKeyException e, SupplierRequest request) {
        return String.valueOf(e.getMessage()).contains("suppliers_organization_key")
                ? Problems.of(CatalogProblem.ORGANIZATION_HAS_SUPPLIER, "The organization already has a supplier record")
                : nameTaken(request);
    }

    private static RuntimeException nameTaken(SupplierRequest request) {
        return Problems.of(CatalogProblem.SUPPLIER_NAME_TAKEN,
                "A supplier named '" + request.name().trim() + "' already exists");
    }
}
