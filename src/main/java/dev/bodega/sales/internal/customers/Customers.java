package dev.bodega.sales.internal.customers;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PartnerDirectory;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import dev.bodega.sales.internal.SalesProblem;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Customers (seed 001): document type and number unique among the tenant's
 * customers that are not deleted; purchase totals kept by the statement that
 * completes a sale ({@link SaleCompletion}), {@link #recordCancellation} and
 * {@link #recordRefund}, each inside the sale's own transaction, never through
 * the editable fields.
 */
@Service
public class Customers {

    public record CustomerView(UUID id, String documentType, String documentNumber, String firstName, String lastName,
                        String name, String email, String phone, String address, String city, String country,
                        String notes, boolean active, BigDecimal totalPurchases, int purchaseCount,
                        Instant lastPurchaseAt, Instant createdAt, Instant updatedAt, long version,
                        UUID organizationId) {
    }

    /** What a user edits; {@code active} null means active on create and unchanged on update. */
    public record CustomerForm(
            @NotBlank(message = "{customers.documentType.required}")
            @Pattern(regexp = "^\\s*[A-Za-z0-9_-]{1,20}\\s*$", message = "{customers.documentType.invalid}") String documentType,
            @NotBlank(message = "{customers.documentNumber.required}")
            @Size(max = 50, message = "{sales.field.tooLong}") String documentNumber,
            @NotBlank(message = "{customers.firstName.required}")
            @Size(max = 100, message = "{sales.field.tooLong}") String firstName,
            @Size(max = 100, message = "{sales.field.tooLong}") String lastName,
            @Email(message = "{customers.email.invalid}") @Size(max = 254, message = "{sales.field.tooLong}") String email,
            @Size(max = 50, message = "{sales.field.tooLong}") String phone,
            @Size(max = 500, message = "{sales.field.tooLong}") String address,
            @Size(max = 100, message = "{sales.field.tooLong}") String city,
            @Size(max = 100, message = "{sales.field.tooLong}") String country,
            @Size(max = 2000, message = "{sales.field.tooLong}") String notes,
            Boolean active,
            UUID organizationId) {

        /** A customer who is a person, or whose organization is not set here. */
        public CustomerForm(String documentType, String documentNumber, String firstName, String lastName, String email,
                            String phone, String address, String city, String country, String notes, Boolean active) {
            this(documentType, documentNumber, firstName, lastName, email, phone, address, city, country, notes,
                    active, null);
        }

        static CustomerForm of(CustomerView c) {
            return new CustomerForm(c.documentType(), c.documentNumber(), c.firstName(), c.lastName(), c.email(),
                    c.phone(), c.address(), c.city(), c.country(), c.notes(), c.active(), c.organizationId());
        }

        static CustomerForm empty() {
            return new CustomerForm("", "", "", "", "", "", "", "", "", "", true);
        }
    }

    record PurchaseView(UUID id, String invoice, Instant saleDate, BigDecimal total, BigDecimal refunded,
                        String paymentMethod, String sellerName) {
    }

    private static final String SELECT = """
            SELECT id, document_type, document_number, first_name, last_name, email, phone, address, city, country,
                   notes, active, total_purchases, purchase_count, last_purchase_at, created_at, updated_at, version,
                   organization_id
            FROM customers WHERE deleted_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final PartnerDirectory partners;

    Customers(JdbcClient jdbc, PartnerDirectory partners) {
        this.jdbc = jdbc;
        this.partners = partners;
    }

    @Transactional(readOnly = true)
    public CursorPage<CustomerView> list(String q, Boolean active, UUID before, int limit) {
        String pattern = q == null || q.isBlank() ? null : "%" + escapeLike(q.trim().toLowerCase(Locale.ROOT)) + "%";
        List<CustomerView> rows = jdbc.sql(SELECT + """
                          AND (CAST(:q AS text) IS NULL OR lower(first_name || ' ' || coalesce(last_name, '')) LIKE :q
                               OR lower(document_number) LIKE :q OR lower(email) LIKE :q OR phone LIKE :q)
                          AND (CAST(:active AS boolean) IS NULL OR active = :active)
                          AND (CAST(:before AS uuid) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit""")
                .param("q", pattern).param("active", active).param("before", before).param("limit", limit + 1)
                .query(Customers::row).list();
        return CursorPage.of(rows, limit, CustomerView::id);
    }

    @Transactional(readOnly = true)
    public CustomerView get(UUID id) {
        return jdbc.sql(SELECT + " AND id = :id").param("id", id).query(Customers::row).optional()
                .orElseThrow(() -> new NotFoundException("Customer"));
    }

    @Transactional
    public CustomerView create(CustomerForm form) {
        requireCustomerOrganization(form.organizationId());
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO customers (tenant_id, id, document_type, document_number, first_name, last_name,
                                                   email, phone, address, city, country, notes, active, organization_id)
                            VALUES (:tenant, :id, :documentType, :documentNumber, :firstName, :lastName, :email, :phone,
                                    :address, :city, :country, :notes, :active, :organization)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id)
                    .params(columns(form, form.active() == null || form.active()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(e);
        }
        return get(id);
    }

    @Transactional
    public CustomerView update(UUID id, Long expectedVersion, CustomerForm form) {
        CustomerView current = get(id);
        Versions.check(expectedVersion, current.version());
        requireCustomerOrganization(form.organizationId());
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE customers SET document_type = :documentType, document_number = :documentNumber,
                                   first_name = :firstName, last_name = :lastName, email = :email, phone = :phone,
                                   address = :address, city = :city, country = :country, notes = :notes,
                                   active = :active, organization_id = :organization, version = version + 1,
                                   updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version AND deleted_at IS NULL""")
                    .param("tenant", TenantContext.tenantId())
                    .params(columns(form, form.active() == null ? current.active() : form.active()))
                    .param("id", id).param("version", current.version())
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(e);
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    /** Soft delete: the row stays for its sales; the document number becomes free again. */
    @Transactional
    public void delete(UUID id) {
        get(id);
        jdbc.sql("""
                        UPDATE customers SET deleted_at = now(), active = false, version = version + 1,
                            updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
    }

    /** Seed 001 §9.4: the customer's completed sales, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<PurchaseView> purchases(UUID customerId, UUID before, int limit) {
        get(customerId);
        List<PurchaseView> rows = jdbc.sql("""
                        SELECT s.id, s2.code || '-' || lpad(s.invoice_number::text, 8, '0') AS invoice, s.sale_date,
                               s.total, s.refunded, s.payment_method, u.name AS seller_name
                        FROM sales s
                        JOIN invoice_series s2 ON s2.tenant_id = s.tenant_id AND s2.id = s.series_id
                        LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                        WHERE s.customer_id = :customer AND s.status = 'completed'
                          AND (CAST(:before AS uuid) IS NULL OR s.id < :before)
                        ORDER BY s.id DESC LIMIT :limit""")
                .param("customer", customerId).param("before", before).param("limit", limit + 1)
                .query((rs, n) -> new PurchaseView(rs.getObject("id", UUID.class), rs.getString("invoice"),
                        instant(rs.getTimestamp("sale_date")), rs.getBigDecimal("total"), rs.getBigDecimal("refunded"),
                        rs.getString("payment_method"), rs.getString("seller_name")))
                .list();
        return CursorPage.of(rows, limit, PurchaseView::id);
    }

    /** A customer a sale may name: existing, not deleted, active. */
    public void requireUsable(UUID id) {
        Boolean active = jdbc.sql("SELECT active FROM customers WHERE id = :id AND deleted_at IS NULL")
                .param("id", id).query(Boolean.class).optional().orElse(null);
        if (active == null) {
            throw Problems.of(SalesProblem.UNKNOWN_CUSTOMER, "Customer " + id + " does not exist");
        }
        if (!active) {
            throw Problems.of(SalesProblem.INACTIVE_CUSTOMER, "Customer " + id + " is not active");
        }
    }

    /**
     * A cancelled sale takes back what it still counted (its total less refunds) and its purchase; the last
     * purchase becomes the latest completed sale left (the cancelled one is no longer completed).
     */
    public void recordCancellation(UUID customerId, BigDecimal counted) {
        jdbc.sql("""
                        UPDATE customers c SET total_purchases = total_purchases - :counted,
                               purchase_count = purchase_count - 1,
                               last_purchase_at = (SELECT max(s.completed_at) FROM sales s
                                                   WHERE s.tenant_id = c.tenant_id AND s.customer_id = c.id
                                                     AND s.status = 'completed')
                        WHERE c.tenant_id = :tenant AND c.id = :id""")
                .param("tenant", TenantContext.tenantId()).param("counted", counted).param("id", customerId).update();
    }

    /** Money given back on a return is money the customer did not spend. */
    public void recordRefund(UUID customerId, BigDecimal refund) {
        jdbc.sql("""
                        UPDATE customers SET total_purchases = total_purchases - :refund
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("refund", refund).param("id", customerId).update();
    }

    private static Map<String, Object> columns(CustomerForm form, boolean active) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("documentType", form.documentType().trim().toUpperCase(Locale.ROOT));
        columns.put("documentNumber", form.documentNumber().trim().toUpperCase(Locale.ROOT));
        columns.put("firstName", form.firstName().trim());
        columns.put("lastName", blankToNull(form.lastName()));
        String email = blankToNull(form.email());
        columns.put("email", email == null ? null : email.toLowerCase(Locale.ROOT));
        columns.put("phone", blankToNull(form.phone()));
        columns.put("address", blankToNull(form.address()));
        columns.put("city", blankToNull(form.city()));
        columns.put("country", blankToNull(form.country()));
        columns.put("notes", blankToNull(form.notes()));
        columns.put("organization", form.organizationId());
        columns.put("active", active);
        return columns;
    }

    /** The customer record of a partner organization (seed 004): a customer organization, one record each. */
    private void requireCustomerOrganization(UUID organization) {
        if (organization != null && !partners.isOfType(organization, "customer")) {
            throw Problems.of(SalesProblem.NOT_A_CUSTOMER_ORGANIZATION, "No customer organization " + organization);
        }
    }

    /** The customer organizations a customer record may stand for, by name. */
    public List<PartnerDirectory.Organization> customerOrganizations() {
        return partners.ofType("customer");
    }

    private static RuntimeException taken(DuplicateKeyException e) {
        return String.valueOf(e.getMessage()).contains("customers_organization_key")
                ? Problems.of(SalesProblem.ORGANIZATION_HAS_CUSTOMER, "The organization already has a customer record")
                : documentTaken();
    }

    static RuntimeException documentTaken() {
        return Problems.of(SalesProblem.DOCUMENT_TAKEN, "Another customer already has this document type and number");
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static CustomerView row(ResultSet rs, int n) throws SQLException {
        String first = rs.getString("first_name");
        String last = rs.getString("last_name");
        return new CustomerView(rs.getObject("id", UUID.class), rs.getString("document_type"),
                rs.getString("document_number"), first, last, last == null ? first : first + " " + last,
                rs.getString("email"), rs.getString("phone"), rs.getString("address"), rs.getString("city"),
                rs.getString("country"), rs.getString("notes"), rs.getBoolean("active"),
                rs.getBigDecimal("total_purchases"), rs.getInt("purchase_count"),
                instant(rs.getTimestamp("last_purchase_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), rs.getLong("version"),
                rs.getObject("organization_id", UUID.class));
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
