package dev.bodega.catalog.internal;

import dev.bodega.platform.Text;
import dev.bodega.catalog.internal.items.Items;
import dev.bodega.catalog.internal.suppliers.Suppliers;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who supplies an item (seed 000): the supplier's own code for it, the last price paid, the lead time. */
@Service
public class ItemSuppliers {

    public record Link(UUID supplierId, String supplierName, String supplierCode, BigDecimal lastPrice, Integer leadTimeDays,
                boolean preferred, Instant updatedAt) {
    }

    public record LinkRequest(
            @Size(max = 64, message = "{field.too-long}") String supplierCode,
            @DecimalMin(value = "0", message = "{catalog.price.negative}")
            @Digits(integer = 12, fraction = 2, message = "{catalog.price.digits}") BigDecimal lastPrice,
            @PositiveOrZero(message = "{catalog.days.negative}") Integer leadTimeDays,
            Boolean preferred) {
    }

    /** A link of an item just created. */
    record NewLink(UUID itemId, UUID supplierId, LinkRequest request) {
    }

    private static final String INSERT = """
            INSERT INTO item_suppliers (tenant_id, item_id, supplier_id, supplier_code, last_price, lead_time_days,
                                        preferred)
            VALUES (:tenant, :item, :supplier, :code, :price, :lead, :preferred)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final Items items;
    private final Suppliers suppliers;

    ItemSuppliers(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Items items, Suppliers suppliers) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.items = items;
        this.suppliers = suppliers;
    }

    /** The item's suppliers, the preferred one first. */
    @Transactional(readOnly = true)
    public List<Link> of(UUID itemId) {
        items.get(itemId);
        return jdbc.sql("""
                        SELECT l.supplier_id, s.name AS supplier_name, l.supplier_code, l.last_price,
                               l.lead_time_days, l.preferred, l.updated_at
                        FROM item_suppliers l JOIN suppliers s ON s.tenant_id = l.tenant_id AND s.id = l.supplier_id
                        WHERE l.item_id = :item AND s.deleted_at IS NULL
                        ORDER BY l.preferred DESC, lower(s.name)""")
                .param("item", itemId).query(Link.class).list();
    }

    /** Creates or replaces the link; a preferred supplier makes the item's others not preferred. */
    @Transactional
    public Link put(UUID itemId, UUID supplierId, LinkRequest request) {
        items.get(itemId);
        suppliers.get(supplierId);
        boolean preferred = Boolean.TRUE.equals(request.preferred());
        if (preferred) {
            jdbc.sql("""
                            UPDATE item_suppliers SET preferred = false, updated_at = now()
                            WHERE tenant_id = :tenant AND item_id = :item AND preferred AND supplier_id <> :supplier""")
                    .param("tenant", TenantContext.tenantId())
                    .param("item", itemId).param("supplier", supplierId).update();
        }
        jdbc.sql(INSERT + """
                         ON CONFLICT (tenant_id, item_id, supplier_id) DO UPDATE
                        SET supplier_code = EXCLUDED.supplier_code, last_price = EXCLUDED.last_price,
                            lead_time_days = EXCLUDED.lead_time_days, preferred = EXCLUDED.preferred,
                            updated_at = EXCLUDED.updated_at""")
                .param("tenant", TenantContext.tenantId()).param("item", itemId).param("supplier", supplierId)
                .param("code", Text.blankToNull(request.supplierCode())).param("price", request.lastPrice())
                .param("lead", request.leadTimeDays()).param("preferred", preferred)
                .update();
        return of(itemId).stream().filter(link -> link.supplierId().equals(supplierId)).findFirst().orElseThrow();
    }

    /** Links of items just created, in one batch; each item's preferred link is the only one it has. */
    @Transactional
    public void addAll(List<NewLink> links) {
        batches.batchUpdate(INSERT, links.stream().map(link -> new MapSqlParameterSource()
                        .addValue("tenant", TenantContext.tenantId()).addValue("item", link.itemId())
                        .addValue("supplier", link.supplierId())
                        .addValue("code", Text.blankToNull(link.request().supplierCode()))
                        .addValue("price", link.request().lastPrice()).addValue("lead", link.request().leadTimeDays())
                        .addValue("preferred", Boolean.TRUE.equals(link.request().preferred())))
                .toArray(SqlParameterSource[]::new));
    }

    @Transactional
    public void remove(UUID itemId, UUID supplierId) {
        items.get(itemId);
        int removed = jdbc.sql("""
                        DELETE FROM item_suppliers
                        WHERE tenant_id = :tenant AND item_id = :item AND supplier_id = :supplier""")
                .param("tenant", TenantContext.tenantId())
                .param("item", itemId).param("supplier", supplierId).update();
        if (removed == 0) {
            throw new NotFoundException("Supplier of this item");
        }
    }
}
