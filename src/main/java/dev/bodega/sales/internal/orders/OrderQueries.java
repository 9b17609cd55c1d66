package dev.bodega.sales.internal.orders;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.internal.orders.OrderViews.HistoryEntry;
import dev.bodega.sales.internal.orders.OrderViews.ItemView;
import dev.bodega.sales.internal.orders.OrderViews.OrderSummary;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import dev.bodega.sales.internal.orders.OrderViews.Partner;
import dev.bodega.sales.internal.orders.OrderViews.Place;
import dev.bodega.sales.internal.orders.OrderViews.ShipmentView;
import dev.bodega.sales.internal.orders.OrderViews.ShippedLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Reads customer orders. Row-level security decides whose: a partner user reads its organization's orders only,
 * and another's id is not found; the staff read them all.
 */
@Component
class OrderQueries {

    /** The order's number as people read it. */
    static final String CODE = "'PED-' || lpad(o.number::text, 6, '0')";

    private static final String SUMMARY = """
            SELECT o.id, %s AS code, o.organization_id, p.name AS organization_name, l.name AS destination_name,
                   o.status, o.order_date, o.expected_delivery,
                   (SELECT count(*) FROM customer_order_items i WHERE i.tenant_id = o.tenant_id AND i.order_id = o.id)
                       AS lines,
                   o.version
            FROM customer_orders o
            JOIN platform_partner_organizations p ON p.tenant_id = o.tenant_id AND p.id = o.organization_id
            JOIN inventory_locations l ON l.tenant_id = o.tenant_id AND l.id = o.destination_id
            """.formatted(CODE);

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, at most {@code limit} after the order {@code before}; null filters are no filter. */
    @Transactional(readOnly = true)
    List<OrderSummary> list(String status, UUID organizationId, UUID before, int limit) {
        return jdbc.sql(SUMMARY + """
                        WHERE (CAST(:status AS text) IS NULL OR o.status = :status)
                          AND (CAST(:organization AS uuid) IS NULL OR o.organization_id = :organization)
                          AND (CAST(:before AS uuid) IS NULL OR o.id < :before)
                        ORDER BY o.id DESC LIMIT :limit""")
                .param("status", blankToNull(status)).param("organization", organizationId)
                .param("before", before).param("limit", limit)
                .query(OrderSummary.class).list();
    }

    /** How many orders wait in a state (the home cards). */
    @Transactional(readOnly = true)
    long count(OrderStatus status) {
        return jdbc.sql("SELECT count(*) FROM customer_orders WHERE tenant_id = :tenant AND status = :status")
                .param("tenant", TenantContext.tenantId()).param("status", status.code()).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    OrderView get(UUID id) {
        record Head(UUID id, String code, UUID organizationId, String organizationName, UUID destinationId,
                    String destinationName, String status, java.time.Instant orderDate,
                    java.time.LocalDate expectedDelivery, java.time.Instant actualDelivery, UUID orderedBy,
                    String orderedByName, UUID approvedBy, String approvedByName, java.time.Instant approvedAt,
                    String reason, String notes, long version) {
        }
        Head head = jdbc.sql("""
                        SELECT o.id, %s AS code, o.organization_id, p.name AS organization_name, o.destination_id,
                               l.name AS destination_name, o.status, o.order_date, o.expected_delivery,
                               o.actual_delivery, o.ordered_by, ob.name AS ordered_by_name, o.approved_by,
                               ab.name AS approved_by_name, o.approved_at, o.reason, o.notes, o.version
                        FROM customer_orders o
                        JOIN platform_partner_organizations p ON p.tenant_id = o.tenant_id AND p.id = o.organization_id
                        JOIN inventory_locations l ON l.tenant_id = o.tenant_id AND l.id = o.destination_id
                        LEFT JOIN platform_users ob ON ob.tenant_id = o.tenant_id AND ob.id = o.ordered_by
                        LEFT JOIN platform_users ab ON ab.tenant_id = o.tenant_id AND ab.id = o.approved_by
                        WHERE o.id = :id""".formatted(CODE))
                .param("id", id).query(Head.class).optional()
                .orElseThrow(() -> new NotFoundException("Customer order"));
        return new OrderView(head.id(), head.code(), head.organizationId(), head.organizationName(),
                head.destinationId(), head.destinationName(), head.status(), head.orderDate(), head.expectedDelivery(),
                head.actualDelivery(), head.orderedBy(), head.orderedByName(), head.approvedBy(),
                head.approvedByName(), head.approvedAt(), head.reason(), head.notes(), head.version(), items(id),
                history(id), shipments(id));
    }

    List<ItemView> items(UUID orderId) {
        return jdbc.sql("""
                        SELECT i.id, i.position, i.item_id, c.sku, c.name, i.quantity, i.shipped_quantity,
                               i.quantity - i.shipped_quantity AS remaining, coalesce(c.unit_decimals, 0) AS decimals
                        FROM customer_order_items i
                        JOIN catalog_items c ON c.tenant_id = i.tenant_id AND c.id = i.item_id
                        WHERE i.order_id = :id ORDER BY i.position""")
                .param("id", orderId).query(ItemView.class).list();
    }

    private List<HistoryEntry> history(UUID orderId) {
        return jdbc.sql("""
                        SELECT h.from_status, h.to_status, u.name AS user_name, h.reason, h.created_at AS at
                        FROM customer_order_history h
                        LEFT JOIN platform_users u ON u.tenant_id = h.tenant_id AND u.id = h.user_id
                        WHERE h.order_id = :id ORDER BY h.created_at, h.id""")
                .param("id", orderId).query(HistoryEntry.class).list();
    }

    private List<ShipmentView> shipments(UUID orderId) {
        record Row(UUID id, UUID fromLocationId, String fromLocationName, UUID saleId, String invoice,
                   java.time.Instant shippedAt, String shippedByName, String status, UUID orderItemId, String sku,
                   String name, java.math.BigDecimal quantity) {
        }
        // A partner does not see the company's warehouses: the name it left from is the staff's to read.
        List<Row> rows = jdbc.sql("""
                        SELECT s.id, s.from_location AS from_location_id, l.name AS from_location_name, s.sale_id,
                               ser.code || '-' || lpad(sa.invoice_number::text, 8, '0') AS invoice, s.shipped_at,
                               u.name AS shipped_by_name, s.status, sl.order_item_id, c.sku, c.name, sl.quantity
                        FROM customer_order_shipments s
                        JOIN customer_order_shipment_lines sl ON sl.tenant_id = s.tenant_id AND sl.shipment_id = s.id
                        JOIN customer_order_items i ON i.tenant_id = sl.tenant_id AND i.id = sl.order_item_id
                        JOIN catalog_items c ON c.tenant_id = i.tenant_id AND c.id = i.item_id
                        LEFT JOIN sales sa ON sa.tenant_id = s.tenant_id AND sa.id = s.sale_id
                        LEFT JOIN invoice_series ser ON ser.tenant_id = sa.tenant_id AND ser.id = sa.series_id
                        LEFT JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.from_location
                        LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.shipped_by
                        WHERE s.order_id = :id ORDER BY s.shipped_at, s.id, i.position""")
                .param("id", orderId).query(Row.class).list();
        Map<UUID, ShipmentView> shipments = new LinkedHashMap<>();
        for (Row r : rows) {
            shipments.computeIfAbsent(r.id(), k -> new ShipmentView(r.id(), r.fromLocationId(), r.fromLocationName(),
                    r.saleId(), r.invoice(), r.shippedAt(), r.shippedByName(), r.status(), new ArrayList<>()))
                    .lines().add(new ShippedLine(r.orderItemId(), r.sku(), r.name(), r.quantity()));
        }
        return List.copyOf(shipments.values());
    }

    /** The customer organizations (active) with their active warehouses: where orders come from and go to. */
    @Transactional(readOnly = true)
    List<Partner> partners() {
        record Row(UUID id, String name, UUID warehouseId, String warehouseName) {
        }
        Map<UUID, Partner> partners = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT p.id, p.name, l.id AS warehouse_id, l.name AS warehouse_name
                        FROM platform_partner_organizations p
                        LEFT JOIN inventory_locations l ON l.tenant_id = p.tenant_id AND l.organization_id = p.id
                             AND l.active AND l.kind <> 'transit'
                        WHERE p.type = 'customer' AND p.active
                        ORDER BY lower(p.name), lower(l.name)""")
                .query(Row.class).list()
                .forEach(r -> {
                    Partner partner = partners.computeIfAbsent(r.id(),
                            k -> new Partner(r.id(), r.name(), new ArrayList<>()));
                    if (r.warehouseId() != null) {
                        partner.warehouses().add(new Place(r.warehouseId(), r.warehouseName(), r.id()));
                    }
                });
        return List.copyOf(partners.values());
    }

    /** The company's own active warehouses, workshops and stores: where a shipment leaves from. */
    @Transactional(readOnly = true)
    List<Place> companyLocations() {
        return jdbc.sql("""
                        SELECT id, name, organization_id FROM inventory_locations
                        WHERE organization_id IS NULL AND active AND kind <> 'transit' ORDER BY lower(name)""")
                .query(Place.class).list();
    }

    /** An active item a partner may order, as the page offers it. */
    record Choice(UUID id, String sku, String name) {
    }

    /** The first active items by SKU, for the page's suggestions. */
    @Transactional(readOnly = true)
    List<Choice> choices() {
        return jdbc.sql("""
                        SELECT id, sku, name FROM catalog_items WHERE active AND deleted_at IS NULL
                        ORDER BY sku LIMIT 500""")
                .query(Choice.class).list();
    }

    @Transactional(readOnly = true)
    java.util.Optional<UUID> itemBySku(String sku) {
        return jdbc.sql("""
                        SELECT id FROM catalog_items
                        WHERE upper(sku) = upper(:sku) AND active AND deleted_at IS NULL LIMIT 1""")
                .param("sku", sku.trim()).query(UUID.class).optional();
    }
}
