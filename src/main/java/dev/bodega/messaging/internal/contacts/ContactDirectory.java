package dev.bodega.messaging.internal.contacts;

import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contacts (seed 002) as people edit them: details, blocking, tags, the link to a sales customer (read through
 * sales' published views) and merging two contacts of one person. Edits are audited by the table's trigger.
 */
@Service
public class ContactDirectory {

    public record ContactView(UUID id, String platform, String externalId, String name, String phone, String email,
                              String avatarUrl, boolean blocked, List<String> tags, UUID customerId,
                              String customerName, UUID mergedInto, int interactionCount, Instant lastInteractionAt,
                              Instant createdAt, long version) {
    }

    public record ContactRequest(@Size(max = 255, message = "{field.too-long}") String name,
                                 @Size(max = 50, message = "{field.too-long}") String phone,
                                 @Email(message = "{inbox.contact.email.invalid}") @Size(max = 255, message = "{field.too-long}") String email,
                                 Boolean blocked, List<String> tags) {
    }

    public record CustomerCard(UUID id, String name, String email, String phone, BigDecimal totalPurchases,
                               int purchaseCount, Instant lastPurchaseAt) {
    }

    public record CustomerSale(UUID id, String status, Long invoiceNumber, String currency, BigDecimal total,
                               Instant saleDate) {
    }

    public record CustomerChoice(UUID id, String name, String phone, String email) {
    }

    private static final String SELECT = """
            SELECT c.id, c.platform, c.external_id, c.name, c.phone, c.email, c.avatar_url, c.is_blocked AS blocked,
                   c.tags, c.customer_id, trim(s.first_name || ' ' || coalesce(s.last_name, '')) AS customer_name,
                   c.merged_into, c.interaction_count, c.last_interaction_at, c.created_at, c.version
            FROM contacts c
            LEFT JOIN sales_customers s ON s.tenant_id = c.tenant_id AND s.id = c.customer_id""";

    private final JdbcClient jdbc;

    ContactDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public CursorPage<ContactView> list(String q, UUID before, int limit) {
        String pattern = q == null || q.isBlank() ? null
                : "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<ContactView> rows = jdbc.sql(SELECT + """
                         WHERE c.merged_into IS NULL
                           AND (CAST(:q AS text) IS NULL OR c.name ILIKE :q OR c.phone ILIKE :q OR c.email ILIKE :q)
                           AND (CAST(:before AS uuid) IS NULL OR c.id < :before)
                        ORDER BY c.id DESC LIMIT :limit""")
                .param("q", pattern).param("before", before).param("limit", limit + 1)
                .query(this::row).list();
        return CursorPage.of(rows, limit, ContactView::id);
    }

    @Transactional(readOnly = true)
    public ContactView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("Contact"));
    }

    @Transactional
    public ContactView update(UUID id, long version, ContactRequest request) {
        get(id);
        int changed = jdbc.sql("""
                        UPDATE contacts SET name = :name, phone = :phone, email = :email, is_blocked = :blocked,
                               tags = :tags, updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                .param("name", Text.blankToNull(request.name())).param("phone", Text.blankToNull(request.phone()))
                .param("email", Text.blankToNull(request.email())).param("blocked", Boolean.TRUE.equals(request.blocked()))
                .param("tags", cleanTags(request.tags())).param("tenant", TenantContext.tenantId())
                .param("id", id).param("version", version).update();
        if (changed == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    /** Links the contact to a sales customer, or unlinks it ({@code customerId} null). */
    @Transactional
    public ContactView link(UUID id, UUID customerId) {
        get(id);
        if (customerId != null) {
            customer(customerId);
        }
        jdbc.sql("""
                        UPDATE contacts SET customer_id = :customer, updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("customer", customerId).param("tenant", TenantContext.tenantId()).param("id", id).update();
        return get(id);
    }

    /**
     * Merges {@code otherId} into {@code keepId}: its conversations move to the one kept, counts add up, tags join,
     * and the kept contact takes its customer link if it had none. The merged contact stays (its platform id still
     * routes new messages, to the one kept) and leaves the lists.
     */
    @Transactional
    public ContactView merge(UUID keepId, UUID otherId) {
        if (keepId.equals(otherId)) {
            throw Problems.of(MessagingProblem.MERGE_SAME, "A contact cannot be merged into itself");
        }
        ContactView keep = get(keepId);
        ContactView other = get(otherId);
        if (keep.mergedInto() != null || other.mergedInto() != null) {
            throw Problems.of(MessagingProblem.MERGE_SAME, "A merged contact cannot be merged again");
        }
        UUID tenant = TenantContext.tenantId();
        jdbc.sql("UPDATE conversations SET contact_id = :keep, updated_at = now() WHERE tenant_id = :tenant AND contact_id = :other")
                .param("keep", keepId).param("tenant", tenant).param("other", otherId).update();
        jdbc.sql("""
                        UPDATE contacts k SET interaction_count = k.interaction_count + o.interaction_count,
                               last_interaction_at = greatest(k.last_interaction_at, o.last_interaction_at),
                               tags = ARRAY(SELECT DISTINCT unnest(k.tags || o.tags) ORDER BY 1),
                               customer_id = coalesce(k.customer_id, o.customer_id),
                               phone = coalesce(k.phone, o.phone), email = coalesce(k.email, o.email),
                               name = coalesce(k.name, o.name), updated_at = now(), version = k.version + 1
                        FROM contacts o
                        WHERE k.tenant_id = :tenant AND k.id = :keep AND o.tenant_id = :tenant AND o.id = :other""")
                .param("tenant", tenant).param("keep", keepId).param("other", otherId).update();
        jdbc.sql("""
                        UPDATE contacts SET merged_into = :keep, updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant AND id = :other""")
                .param("keep", keepId).param("tenant", tenant).param("other", otherId).update();
        return get(keepId);
    }

    @Transactional(readOnly = true)
    public CustomerCard customer(UUID customerId) {
        return jdbc.sql("""
                        SELECT id, trim(first_name || ' ' || coalesce(last_name, '')) AS name, email, phone,
                               total_purchases, purchase_count, last_purchase_at
                        FROM sales_customers WHERE id = :id AND deleted_at IS NULL""")
                .param("id", customerId).query(CustomerCard.class).optional()
                .orElseThrow(() -> new NotFoundException("Customer"));
    }

    /** The customer's newest sales, and the ones still open (parked, not completed). */
    @Transactional(readOnly = true)
    public List<CustomerSale> recentSales(UUID customerId, int limit) {
        return jdbc.sql("""
                        SELECT id, status, invoice_number, currency, total, sale_date FROM sales_customer_sales
                        WHERE customer_id = :customer ORDER BY (status = 'pending') DESC, sale_date DESC LIMIT :limit""")
                .param("customer", customerId).param("limit", limit).query(CustomerSale.class).list();
    }

    /** Customers matching a search, to link a contact by hand. */
    @Transactional(readOnly = true)
    public List<CustomerChoice> findCustomers(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String pattern = "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        SELECT id, trim(first_name || ' ' || coalesce(last_name, '')) AS name, phone, email
                        FROM sales_customers
                        WHERE deleted_at IS NULL AND (first_name ILIKE :q OR last_name ILIKE :q OR phone ILIKE :q
                                                     OR email ILIKE :q)
                        ORDER BY lower(first_name), id LIMIT 10""")
                .param("q", pattern).query(CustomerChoice.class).list();
    }

    private ContactView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ContactView(rs.getObject("id", UUID.class), rs.getString("platform"), rs.getString("external_id"),
                rs.getString("name"), rs.getString("phone"), rs.getString("email"), rs.getString("avatar_url"),
                rs.getBoolean("blocked"), List.of((String[]) rs.getArray("tags").getArray()),
                rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                rs.getObject("merged_into", UUID.class), rs.getInt("interaction_count"),
                instant(rs.getTimestamp("last_interaction_at")), instant(rs.getTimestamp("created_at")),
                rs.getLong("version"));
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String[] cleanTags(List<String> tags) {
        return tags == null ? new String[0] : tags.stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.length() > 50 ? t.substring(0, 50) : t).distinct().toArray(String[]::new);
    }
}
