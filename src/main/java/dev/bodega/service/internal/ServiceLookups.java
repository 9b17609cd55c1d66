package dev.bodega.service.internal;

import dev.bodega.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What service forms pick from and its documents point to: locations the user may work at, technicians, items,
 * read through the views inventory, platform and catalog publish.
 */
@Component
class ServiceLookups {

    /**
     * A technician is a user whose role names {@value} itself: the role that holds parts. A wildcard (an admin's
     * {@code *}, a manager's {@code technicians.*}) lets one see a technician's page, not be handed parts.
     */
    static final String HOLDS_PARTS = "technicians.own";

    record Choice(UUID id, String name) {
    }

    record Item(UUID id, String sku, String name, int decimals) {
    }

    private final JdbcClient jdbc;

    ServiceLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active locations the current user may work at. */
    @Transactional(readOnly = true)
    public List<Choice> locations() {
        return jdbc.sql("""
                        SELECT id, name FROM inventory_locations
                        WHERE active AND id IN (SELECT v FROM app_visible_locations() v) ORDER BY lower(name), id""")
                .query(Choice.class).list();
    }

    @Transactional(readOnly = true)
    public List<Choice> technicians() {
        return jdbc.sql("""
                        SELECT DISTINCT u.id, u.name FROM platform_users u
                        JOIN platform_user_permissions p ON p.tenant_id = u.tenant_id AND p.user_id = u.id
                        WHERE u.active AND u.deleted_at IS NULL AND :holds = ANY (p.permissions)
                        ORDER BY u.name, u.id""")
                .param("holds", HOLDS_PARTS).query(Choice.class).list();
    }

    void requireLocation(UUID id) {
        boolean usable = id != null && jdbc.sql("""
                        SELECT count(*) > 0 FROM inventory_locations
                        WHERE id = :id AND active AND id IN (SELECT v FROM app_visible_locations() v)""")
                .param("id", id).query(Boolean.class).single();
        if (!usable) {
            throw Problems.of(ServiceProblem.UNKNOWN_LOCATION, "No active location " + id + " you may work at");
        }
    }

    void requireTechnician(UUID id) {
        if (id == null || technicians().stream().noneMatch(t -> t.id().equals(id))) {
            throw Problems.of(ServiceProblem.NOT_A_TECHNICIAN,
                    "User " + id + " is not an active technician (a role granting " + HOLDS_PARTS + ")");
        }
    }

    /** An active item, by id, counted in whole units or its unit's decimals. */
    Item item(UUID id, BigDecimal quantity) {
        Item item = jdbc.sql("""
                        SELECT id, sku, name, unit_decimals AS decimals FROM catalog_items
                        WHERE id = :id AND active AND deleted_at IS NULL""")
                .param("id", id).query(Item.class).optional()
                .orElseThrow(() -> Problems.of(ServiceProblem.UNKNOWN_ITEM, "No active item " + id));
        if (quantity.stripTrailingZeros().scale() > item.decimals()) {
            throw Problems.of(ServiceProblem.QUANTITY_DECIMALS, "Item " + item.sku() + " is counted with at most "
                    + item.decimals() + " decimals: " + quantity.toPlainString());
        }
        return item;
    }

    /** An active item by its SKU or barcode, as a person types or scans it. */
    @Transactional(readOnly = true)
    public Optional<UUID> itemByCode(String code) {
        return jdbc.sql("""
                        SELECT id FROM catalog_items
                        WHERE active AND deleted_at IS NULL AND (barcode = :code OR sku_key = lower(:code))
                        ORDER BY (barcode = :code) IS TRUE DESC LIMIT 1""")
                .param("code", code == null ? "" : code.trim()).query(UUID.class).optional();
    }
}
