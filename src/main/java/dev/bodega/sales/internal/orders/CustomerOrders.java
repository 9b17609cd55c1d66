package dev.bodega.sales.internal.orders;

import dev.bodega.platform.Ids;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.orders.OrderTransitions.Current;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Customer orders (seed 004): a partner organization's draft (destination: one of its warehouses; lines: item and
 * quantity), edited while a draft, submitted, cancelled until the staff decide; the staff approve or reject it
 * and mark it delivered ({@link OrderShipping} ships it). Each change is a {@link OrderTransitions transition}.
 */
@Service
class CustomerOrders {

    record LineRequest(@NotNull UUID itemId,
                       @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity) {
    }

    /** A draft's content; {@code lines} replace the draft's lines (none: an empty draft, to fill later). */
    record OrderRequest(@NotNull UUID destinationId,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedDelivery,
                        @Size(max = 2000) String notes,
                        @Size(max = 200) List<@Valid @NotNull LineRequest> lines) {
    }

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    record Cancellation(@Size(max = 500) String reason) {
    }

    /** The staff may set the delivery date they promise when approving. */
    record Approval(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedDelivery) {
    }

    private final JdbcClient jdbc;
    private final OrderQueries queries;
    private final OrderTransitions transitions;
    private final OrderNotices notices;

    CustomerOrders(JdbcClient jdbc, OrderQueries queries, OrderTransitions transitions, OrderNotices notices) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.transitions = transitions;
        this.notices = notices;
    }

    /** A draft of {@code organizationId} (a customer organization), ordered by the current user. */
    @Transactional
    public OrderView create(UUID organizationId, OrderRequest request) {
        requireCustomer(organizationId);
        requireDestination(organizationId, request.destinationId());
        UUID id = Ids.next();
        long number = jdbc.sql("""
                        INSERT INTO customer_order_counters (tenant_id, last_number) VALUES (:tenant, 1)
                        ON CONFLICT (tenant_id) DO UPDATE SET last_number = customer_order_counters.last_number + 1
                        RETURNING last_number""")
                .param("tenant", TenantContext.tenantId()).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO customer_orders (tenant_id, id, number, organization_id, destination_id,
                                                     expected_delivery, ordered_by, notes)
                        VALUES (:tenant, :id, :number, :organization, :destination, :eta, :user, :notes)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("number", number)
                .param("organization", organizationId).param("destination", request.destinationId())
                .param("eta", request.expectedDelivery()).param("user", TenantContext.userId().orElse(null))
                .param("notes", blankToNull(request.notes())).update();
        insertLines(id, request.lines());
        transitions.record(id, null, OrderStatus.DRAFT, null);
        return queries.get(id);
    }

    /** A draft's destination, expected delivery, notes and lines replaced (If-Match its version). */
    @Transactional
    public OrderView update(UUID id, Long expectedVersion, OrderRequest request) {
        Current current = transitions.lock(id);
        Versions.check(expectedVersion, current.version());
        requireDraft(current);
        requireDestination(current.organizationId(), request.destinationId());
        jdbc.sql("""
                        UPDATE customer_orders SET destination_id = :destination, expected_delivery = :eta,
                               notes = :notes, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("destination", request.destinationId()).param("eta", request.expectedDelivery())
                .param("notes", blankToNull(request.notes()))
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        jdbc.sql("DELETE FROM customer_order_items WHERE tenant_id = :tenant AND order_id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        insertLines(id, request.lines());
        return queries.get(id);
    }

    /** One line added to a draft, or its quantity raised when the item is on it already (the page's cart). */
    @Transactional
    public OrderView addLine(UUID id, Long expectedVersion, LineRequest line) {
        OrderView order = queries.get(id);
        Map<UUID, BigDecimal> lines = new LinkedHashMap<>();
        order.items().forEach(i -> lines.put(i.itemId(), i.quantity()));
        lines.merge(line.itemId(), line.quantity(), BigDecimal::add);
        return update(id, expectedVersion, withLines(order, lines));
    }

    /** One line taken off a draft. */
    @Transactional
    public OrderView removeLine(UUID id, Long expectedVersion, UUID itemId) {
        OrderView order = queries.get(id);
        Map<UUID, BigDecimal> lines = new LinkedHashMap<>();
        order.items().forEach(i -> lines.put(i.itemId(), i.quantity()));
        lines.remove(itemId);
        return update(id, expectedVersion, withLines(order, lines));
    }

    private static OrderRequest withLines(OrderView order, Map<UUID, BigDecimal> lines) {
        return new OrderRequest(order.destinationId(), order.expectedDelivery(), order.notes(),
                lines.entrySet().stream().map(e -> new LineRequest(e.getKey(), e.getValue())).toList());
    }

    @Transactional
    public OrderView submit(UUID id, Long expectedVersion) {
        Current current = transitions.read(id);
        Versions.check(expectedVersion, current.version());
        if (current.state() == OrderStatus.DRAFT && queries.items(id).isEmpty()) {
            throw Problems.of(SalesProblem.ORDER_EMPTY, "An order needs at least one line to be submitted");
        }
        transitions.move(current, OrderStatus.SUBMITTED, null, null);
        OrderView order = queries.get(id);
        notices.submitted(order);
        return order;
    }

    @Transactional
    public OrderView cancel(UUID id, Long expectedVersion, Cancellation cancellation) {
        transitions.move(id, expectedVersion, OrderStatus.CANCELLED, blankToNull(cancellation.reason()), null);
        return queries.get(id);
    }

    @Transactional
    public OrderView approve(UUID id, Long expectedVersion, Approval approval) {
        transitions.move(id, expectedVersion, OrderStatus.APPROVED, null, approval.expectedDelivery());
        OrderView order = queries.get(id);
        notices.changed(order);
        return order;
    }

    @Transactional
    public OrderView reject(UUID id, Long expectedVersion, Rejection rejection) {
        transitions.move(id, expectedVersion, OrderStatus.REJECTED, rejection.reason().trim(), null);
        OrderView order = queries.get(id);
        notices.changed(order);
        return order;
    }

    @Transactional
    public OrderView deliver(UUID id, Long expectedVersion) {
        transitions.move(id, expectedVersion, OrderStatus.DELIVERED, null, null);
        return queries.get(id);
    }

    private static void requireDraft(Current current) {
        if (current.state() != OrderStatus.DRAFT) {
            throw Problems.of(SalesProblem.ORDER_NOT_DRAFT, "Only a draft can be changed; this order is "
                    + current.status());
        }
    }

    private void requireCustomer(UUID organizationId) {
        if (organizationId == null || jdbc.sql("""
                        SELECT count(*) FROM platform_partner_organizations
                        WHERE id = :id AND type = 'customer' AND active""")
                .param("id", organizationId).query(Long.class).single() == 0) {
            throw Problems.of(SalesProblem.ORDER_ORGANIZATION, "Orders are placed by an active customer organization");
        }
    }

    private void requireDestination(UUID organizationId, UUID destinationId) {
        if (jdbc.sql("""
                        SELECT count(*) FROM inventory_locations
                        WHERE id = :id AND organization_id = :organization AND active AND kind <> 'transit'""")
                .param("id", destinationId).param("organization", organizationId).query(Long.class).single() == 0) {
            throw Problems.of(SalesProblem.ORDER_DESTINATION,
                    "The destination must be one of the organization's active warehouses");
        }
    }

    /** Lines merged per item, checked against the catalog (active items, the unit's decimals). */
    private void insertLines(UUID orderId, List<LineRequest> requested) {
        Map<UUID, BigDecimal> lines = new LinkedHashMap<>();
        (requested == null ? List.<LineRequest>of() : requested)
                .forEach(l -> lines.merge(l.itemId(), l.quantity(), BigDecimal::add));
        int position = 0;
        for (Map.Entry<UUID, BigDecimal> line : lines.entrySet()) {
            requireOrderable(line.getKey(), line.getValue());
            jdbc.sql("""
                            INSERT INTO customer_order_items (tenant_id, id, order_id, position, item_id, quantity)
                            VALUES (:tenant, :id, :order, :position, :item, :quantity)""")
                    .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("order", orderId)
                    .param("position", ++position).param("item", line.getKey()).param("quantity", line.getValue())
                    .update();
        }
    }

    private void requireOrderable(UUID itemId, BigDecimal quantity) {
        record Item(boolean usable, int decimals) {
        }
        Item item = jdbc.sql("""
                        SELECT active AND deleted_at IS NULL AS usable, coalesce(unit_decimals, 0) AS decimals
                        FROM catalog_items WHERE id = :id""")
                .param("id", itemId).query(Item.class).optional()
                .orElseThrow(() -> Problems.of(SalesProblem.UNKNOWN_ITEM, "Item " + itemId + " does not exist"));
        if (!item.usable()) {
            throw Problems.of(SalesProblem.INACTIVE_ITEM, "Item " + itemId + " is not active");
        }
        if (quantity.stripTrailingZeros().scale() > item.decimals()) {
            throw Problems.of(SalesProblem.QUANTITY_DECIMALS, "Item " + itemId + " takes at most " + item.decimals()
                    + " decimals: " + quantity.toPlainString());
        }
    }
}
