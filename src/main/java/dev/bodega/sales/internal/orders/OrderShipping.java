package dev.bodega.sales.internal.orders;

import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.MovementDecided;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import dev.bodega.sales.SalesDesk;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.orders.OrderTransitions.Current;
import dev.bodega.sales.internal.orders.OrderViews.ItemView;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ships an approved order, all or part of what remains, from one of the company's warehouses, in one transaction
 * (or, when an approval rule holds it back, once it is approved: the quantities wait set aside meanwhile):
 * a completed sale to the organization's customer record at that warehouse (through {@link SalesDesk}: the sale's
 * stock issue and its gapless invoice number, as at the till), a receipt of the same quantities into the
 * partner's warehouse with the shipment as its document (at the cost the stock left at, so the value moves with
 * the goods as in a transfer), the shipped quantities (never above what was ordered), and the order's new state.
 */
@Service
class OrderShipping {

    static final String DOCUMENT_TYPE = "customer_order_shipment";

    /** {@code quantity} zero leaves the line out (the page sends every line). */
    record ShipLine(@NotNull UUID orderItemId,
                    @NotNull @PositiveOrZero @Digits(integer = 11, fraction = 3) BigDecimal quantity) {
    }

    /** No lines: everything that remains. */
    record ShipmentRequest(@NotNull UUID fromLocationId, @Size(max = 200) List<@Valid @NotNull ShipLine> lines) {
    }

    private final JdbcClient jdbc;
    private final OrderTransitions transitions;
    private final OrderQueries queries;
    private final OrganizationCustomers customers;
    private final SalesDesk sales;
    private final StockPostings postings;
    private final MovementApprovals approvals;
    private final OrderNotices notices;

    OrderShipping(JdbcClient jdbc, OrderTransitions transitions, OrderQueries queries, OrganizationCustomers customers,
                  SalesDesk sales, StockPostings postings, MovementApprovals approvals, OrderNotices notices) {
        this.approvals = approvals;
        this.jdbc = jdbc;
        this.transitions = transitions;
        this.queries = queries;
        this.customers = customers;
        this.sales = sales;
        this.postings = postings;
        this.notices = notices;
    }

    /** The order after a shipment; {@code waiting} when an approval rule holds the shipment back. */
    record Shipped(OrderView order, boolean waiting) {
    }

    @Transactional
    public Shipped ship(UUID id, Long expectedVersion, ShipmentRequest request) {
        Current order = transitions.lock(id);
        Versions.check(expectedVersion, order.version());
        if (!order.state().shippable()) {
            throw OrderTransitions.illegal(order.state(), OrderStatus.SHIPPED);
        }
        requireCompanyLocation(request.fromLocationId());
        List<ItemView> items = queries.items(id);
        Map<ItemView, BigDecimal> shipped = quantities(items, request.lines());
        String code = queries.get(id).code();
        UUID shipment = Ids.next();
        StockPostings.Posting receipt = receipt(order, shipment, shipped, Map.of(), code);
        if (heldBack(request.fromLocationId(), shipped, receipt)) {
            UUID approval = approvals.hold(receipt);
            record(order, shipment, request.fromLocationId(), null, approval, shipped);
            return new Shipped(queries.get(id), true);
        }
        UUID sale = invoice(order, request.fromLocationId(), shipped, code);
        postings.post(receipt(order, shipment, shipped, unitCosts(sale), code));
        record(order, shipment, request.fromLocationId(), sale, null, shipped);
        return new Shipped(moved(order), false);
    }

    /**
     * The approvals flow decided on a held-back shipment: approved (its receipt posted), it is invoiced and leaves
     * the company's warehouse now; rejected, its quantities are free to ship again and nothing moved.
     */
    @EventListener
    void on(MovementDecided decided) {
        if (!DOCUMENT_TYPE.equals(decided.documentType())) {
            return;
        }
        record Held(UUID orderId, UUID fromLocation) {
        }
        Held held = jdbc.sql("""
                        SELECT order_id, from_location FROM customer_order_shipments
                        WHERE tenant_id = :tenant AND id = :id AND status = 'pending'""")
                .param("tenant", TenantContext.tenantId()).param("id", decided.documentId())
                .query(Held.class).optional().orElse(null);
        if (held == null) {
            return;
        }
        Current order = transitions.lock(held.orderId());
        Map<ItemView, BigDecimal> shipped = shippedIn(decided.documentId(), queries.items(order.id()));
        if (!decided.approved()) {
            release(decided.documentId(), shipped);
            return;
        }
        UUID sale = invoice(order, held.fromLocation(), shipped, queries.get(order.id()).code());
        jdbc.sql("""
                        UPDATE customer_order_shipments SET status = 'shipped', sale_id = :sale
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("sale", sale).param("tenant", TenantContext.tenantId()).param("id", decided.documentId())
                .update();
        moved(order);
    }

    /** Shipped as far as the lines go now: all of it (none waiting for approval), or part; the partner hears of it. */
    private OrderView moved(Current order) {
        boolean waiting = jdbc.sql("""
                        SELECT count(*) FROM customer_order_shipments
                        WHERE tenant_id = :tenant AND order_id = :order AND status = 'pending'""")
                .param("tenant", TenantContext.tenantId()).param("order", order.id()).query(Long.class).single() > 0;
        boolean complete = !waiting && queries.items(order.id()).stream().allMatch(i -> i.remaining().signum() == 0);
        transitions.move(order, complete ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED, null, null);
        OrderView view = queries.get(order.id());
        notices.changed(view);
        return view;
    }

    /**
     * Whether an approval rule holds the shipment back: its sale's issue from the company's warehouse (at the
     * stock's cost there) or its receipt into the partner's.
     */
    private boolean heldBack(UUID from, Map<ItemView, BigDecimal> shipped, StockPostings.Posting receipt) {
        List<StockPostings.Line> issue = new ArrayList<>();
        shipped.forEach((item, quantity) -> issue.add(StockPostings.Line.out(from, item.itemId(), MovementType.SALE,
                quantity)));
        return approvals.requiresApproval(new StockPostings.Posting("sale", "sale", null, null, null, issue))
                || approvals.requiresApproval(receipt);
    }

    /** What a shipment holds, line by line of the order. */
    private Map<ItemView, BigDecimal> shippedIn(UUID shipment, List<ItemView> items) {
        Map<UUID, BigDecimal> quantities = new HashMap<>();
        jdbc.sql("SELECT order_item_id, quantity FROM customer_order_shipment_lines WHERE tenant_id = :tenant AND shipment_id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", shipment)
                .query((rs, n) -> quantities.put(rs.getObject("order_item_id", UUID.class), rs.getBigDecimal("quantity")))
                .list();
        Map<ItemView, BigDecimal> shipped = new LinkedHashMap<>();
        items.stream().filter(i -> quantities.containsKey(i.id())).forEach(i -> shipped.put(i, quantities.get(i.id())));
        return shipped;
    }

    /** A rejected shipment: what it would have shipped remains to ship. */
    private void release(UUID shipment, Map<ItemView, BigDecimal> shipped) {
        UUID tenant = TenantContext.tenantId();
        jdbc.sql("UPDATE customer_order_shipments SET status = 'rejected' WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", shipment).update();
        shipped.forEach((item, quantity) -> jdbc.sql("""
                        UPDATE customer_order_items SET shipped_quantity = shipped_quantity - :quantity
                        WHERE tenant_id = :tenant AND id = :item""")
                .param("quantity", quantity).param("tenant", tenant).param("item", item.id()).update());
    }

    private void requireCompanyLocation(UUID locationId) {
        if (jdbc.sql("""
                        SELECT count(*) FROM inventory_locations
                        WHERE id = :id AND organization_id IS NULL AND active AND kind <> 'transit'""")
                .param("id", locationId).query(Long.class).single() == 0) {
            throw Problems.of(SalesProblem.SHIPMENT_LOCATION, "A shipment leaves from one of the company's active"
                    + " locations");
        }
    }

    /** What each line ships: as asked (no more than remains), or everything that remains when nothing is asked. */
    private static Map<ItemView, BigDecimal> quantities(List<ItemView> items, List<ShipLine> asked) {
        Map<ItemView, BigDecimal> shipped = new LinkedHashMap<>();
        if (asked == null || asked.isEmpty()) {
            items.stream().filter(i -> i.remaining().signum() > 0).forEach(i -> shipped.put(i, i.remaining()));
        } else {
            Map<UUID, ItemView> byId = new HashMap<>();
            items.forEach(i -> byId.put(i.id(), i));
            for (ShipLine line : asked) {
                ItemView item = byId.get(line.orderItemId());
                if (item == null) {
                    throw Problems.of(SalesProblem.UNKNOWN_ITEM, "Line " + line.orderItemId() + " is not on the order");
                }
                if (line.quantity().signum() > 0) {
                    shipped.merge(item, line.quantity(), BigDecimal::add);
                }
            }
            shipped.forEach((item, quantity) -> {
                if (quantity.compareTo(item.remaining()) > 0) {
                    throw Problems.of(SalesProblem.SHIPMENT_EXCEEDS_ORDER, item.sku() + ": "
                            + quantity.toPlainString() + " asked, " + item.remaining().toPlainString() + " remain");
                }
            });
        }
        if (shipped.isEmpty()) {
            throw Problems.of(SalesProblem.SHIPMENT_EMPTY, "Nothing to ship");
        }
        return shipped;
    }

    /** The shipment's invoice: a sale at the shipping location, settled on the customer's account. */
    private UUID invoice(Current order, UUID from, Map<ItemView, BigDecimal> shipped, String code) {
        UUID customer = customers.forOrganization(order.organizationId());
        List<SalesDesk.Line> lines = new ArrayList<>();
        shipped.forEach((item, quantity) -> lines.add(new SalesDesk.Line(item.itemId(), quantity, null)));
        BigDecimal total = sales.total(from, customer, lines);
        List<SalesDesk.Payment> payments = total.signum() > 0
                ? List.of(new SalesDesk.Payment("other", total, code)) : List.of();
        return sales.sell(from, customer, lines, payments, null).saleId();
    }

    private Map<UUID, BigDecimal> unitCosts(UUID saleId) {
        Map<UUID, BigDecimal> costs = new HashMap<>();
        jdbc.sql("SELECT item_id, unit_cost FROM sale_lines WHERE tenant_id = :tenant AND sale_id = :sale")
                .param("tenant", TenantContext.tenantId()).param("sale", saleId)
                .query((rs, n) -> costs.put(rs.getObject("item_id", UUID.class), rs.getBigDecimal("unit_cost")))
                .list();
        return costs;
    }

    /** The receipt into the partner's warehouse, at the cost the stock left at (none yet: its average cost there). */
    private static StockPostings.Posting receipt(Current order, UUID shipment, Map<ItemView, BigDecimal> shipped,
                                                 Map<UUID, BigDecimal> costs, String code) {
        List<StockPostings.Line> lines = new ArrayList<>();
        shipped.forEach((item, quantity) -> lines.add(StockPostings.Line.in(order.destinationId(), item.itemId(),
                MovementType.RECEIPT, quantity, costs.get(item.itemId()))));
        return new StockPostings.Posting("order_receipt", DOCUMENT_TYPE, shipment, null, code, lines);
    }

    /** The shipment and its quantities, shipped ({@code sale}) or waiting in {@code approval}. */
    private void record(Current order, UUID shipment, UUID from, UUID sale, UUID approval,
                        Map<ItemView, BigDecimal> shipped) {
        UUID tenant = TenantContext.tenantId();
        jdbc.sql("""
                        INSERT INTO customer_order_shipments (tenant_id, id, order_id, from_location, to_location,
                                                              sale_id, shipped_by, status, approval_id)
                        VALUES (:tenant, :id, :order, :from, :to, :sale, :user, :status, :approval)""")
                .param("tenant", tenant).param("id", shipment).param("order", order.id()).param("from", from)
                .param("to", order.destinationId()).param("sale", sale)
                .param("user", TenantContext.userId().orElse(null))
                .param("status", sale == null ? "pending" : "shipped").param("approval", approval).update();
        shipped.forEach((item, quantity) -> {
            jdbc.sql("""
                            INSERT INTO customer_order_shipment_lines (tenant_id, shipment_id, order_id, order_item_id,
                                                                       quantity)
                            VALUES (:tenant, :shipment, :order, :item, :quantity)""")
                    .param("tenant", tenant).param("shipment", shipment).param("order", order.id())
                    .param("item", item.id()).param("quantity", quantity).update();
            // The CHECK (shipped_quantity <= quantity) is the last word; the order row's lock makes it unreachable.
            jdbc.sql("""
                            UPDATE customer_order_items SET shipped_quantity = shipped_quantity + :quantity
                            WHERE tenant_id = :tenant AND id = :item""")
                    .param("quantity", quantity).param("tenant", tenant).param("item", item.id()).update();
        });
    }
}
