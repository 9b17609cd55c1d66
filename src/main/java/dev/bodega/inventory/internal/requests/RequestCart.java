package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.inventory.internal.ledger.PostingRules;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Seed 003 carrito_solicitudes: what the current user wants brought to each destination. Ordering one
 * destination's lines from an origin makes the request and empties that part of the cart, in one transaction.
 */
@Service
public class RequestCart {

    public record CartItem(UUID id, UUID destinationId, String destinationName, UUID itemId, String sku, String name,
                           BigDecimal quantity) {
    }

    private final JdbcClient jdbc;
    private final PostingRules rules;
    private final RequestFlow flow;

    RequestCart(JdbcClient jdbc, PostingRules rules, RequestFlow flow) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.flow = flow;
    }

    @Transactional(readOnly = true)
    public List<CartItem> items() {
        return jdbc.sql("""
                        SELECT c.id, c.destination_id, l.name AS destination_name, c.item_id, i.sku, i.name, c.quantity
                        FROM request_cart_items c
                        JOIN locations l ON l.tenant_id = c.tenant_id AND l.id = c.destination_id
                        JOIN catalog_items i ON i.tenant_id = c.tenant_id AND i.id = c.item_id
                        ORDER BY lower(l.name), c.created_at, c.id""")
                .query(CartItem.class).list();
    }

    /** An active item by its barcode or SKU, as a scanner or a person types it. */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> itemByCode(String code) {
        if (code == null || code.isBlank()) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id FROM catalog_items WHERE deleted_at IS NULL AND active
                          AND (barcode = :code OR sku_key = lower(:code))
                        ORDER BY (barcode = :code) IS TRUE DESC LIMIT 1""")
                .param("code", code.trim()).query(UUID.class).optional();
    }

    /** Adds the quantity to what the cart already holds of the item for that destination. */
    @Transactional
    public void add(UUID destinationId, UUID itemId, BigDecimal quantity) {
        UUID user = currentUser();
        if (quantity == null || quantity.signum() <= 0) {
            throw Problems.of(InventoryProblem.ZERO_QUANTITY, "Ask for more than 0");
        }
        requireDestination(destinationId);
        rules.check(List.of(Line.in(destinationId, itemId, MovementType.TRANSFER_IN, quantity, null)));
        jdbc.sql("""
                        INSERT INTO request_cart_items (tenant_id, id, user_id, destination_id, item_id, quantity)
                        VALUES (:tenant, :id, :user, :destination, :item, :quantity)
                        ON CONFLICT (tenant_id, user_id, destination_id, item_id)
                        DO UPDATE SET quantity = request_cart_items.quantity + EXCLUDED.quantity""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("user", user)
                .param("destination", destinationId).param("item", itemId).param("quantity", quantity)
                .update();
    }

    @Transactional
    public void remove(UUID id) {
        if (jdbc.sql("DELETE FROM request_cart_items WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", id).update() == 0) {
            throw new NotFoundException("Cart item");
        }
    }

    /** The cart's lines for the destination become one request from the origin; those lines leave the cart. */
    @Transactional
    public UUID order(UUID originId, UUID destinationId, String notes) {
        List<RequestFlow.NewLine> lines = items().stream().filter(i -> i.destinationId().equals(destinationId))
                .map(i -> new RequestFlow.NewLine(i.itemId(), i.quantity(), null)).toList();
        UUID id = flow.create(new RequestFlow.NewRequest(originId, destinationId, notes, lines));
        jdbc.sql("DELETE FROM request_cart_items WHERE tenant_id = :tenant AND destination_id = :destination")
                .param("tenant", TenantContext.tenantId()).param("destination", destinationId).update();
        return id;
    }

    private void requireDestination(UUID destinationId) {
        Boolean works = jdbc.sql("SELECT app_works_at(id) FROM locations WHERE id = :id AND kind <> 'transit' AND active")
                .param("id", destinationId).query(Boolean.class).optional().orElse(null);
        if (works == null) {
            throw Problems.of(InventoryProblem.UNKNOWN_LOCATION, "Choose an active destination");
        }
        if (!works) {
            throw Problems.of(InventoryProblem.LOCATION_NOT_ALLOWED, "You do not work at this destination");
        }
    }

    private static UUID currentUser() {
        return TenantContext.userId()
                .orElseThrow(() -> Problems.of(PlatformProblem.FORBIDDEN, "A cart belongs to a user"));
    }
}
