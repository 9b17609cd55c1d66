package dev.bodega.purchasing.internal;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Money;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Versions;
import dev.bodega.purchasing.internal.PurchaseViews.LineView;
import dev.bodega.purchasing.internal.PurchaseViews.OrderSummary;
import dev.bodega.purchasing.internal.PurchaseViews.OrderView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Supplier orders: a draft is edited freely (If-Match), then sent; deliveries
 * ({@link Receiving}) move it to partially received and received.
 *
 * <p>Cancelling: a draft or a sent order is cancelled whole; a partially
 * received one has "the rest" cancelled — what arrived stays in stock and in
 * the order's history (undoing a delivery is a return to the supplier, not a
 * cancellation); a fully received order cannot be cancelled.
 */
@Service
class SupplierOrders {

    static final Set<String> STATUSES = Set.of("draft", "sent", "partially_received", "received", "cancelled");

    record LineRequest(@NotNull UUID itemId,
                       @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                       @PositiveOrZero @Digits(integer = 10, fraction = 4) BigDecimal unitCost) {
    }

    /** A draft's content. The order date defaults to today; a line's unit cost to the item's cost price. */
    record OrderRequest(@NotNull UUID supplierId, @NotNull UUID locationId, LocalDate orderDate, LocalDate expectedDate,
                        @Size(max = 2000) String notes,
                        @NotEmpty @Size(max = 500) List<@Valid @NotNull LineRequest> lines) {
    }

    record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }

    record Filter(String status, UUID supplierId) {
    }

    /** The order row as a locked transaction needs it. */
    record Locked(UUID id, long number, String status, UUID supplierId, UUID locationId, String currency,
                  long version) {

        String displayNumber() {
            return SupplierOrders.display(number);
        }
    }

    private static final String NUMBER = "'OC-' || lpad(o.number::text, 6, '0')";

    private final JdbcClient jdbc;
    private final CatalogItems catalog;
    private final TenantSettingsService settings;

    SupplierOrders(JdbcClient jdbc, CatalogItems catalog, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.settings = settings;
    }

    static String display(long number) {
        return "OC-" + String.format("%06d", number);
    }

    @Transactional
    public OrderView create(OrderRequest request) {
        TenantSettings tenant = settings.current();
        LocalDate orderDate = request.orderDate() == null ? LocalDate.now(tenant.zoneId()) : request.orderDate();
        List<PricedLine> lines = check(request, orderDate, tenant.currency());
        UUID id = Ids.next();
        long number = nextNumber();
        jdbc.sql("""
                        INSERT INTO supplier_orders (tenant_id, id, number, supplier_id, location_id, order_date,
                                                     expected_date, currency, total, notes, created_by)
                        VALUES (:tenant, :id, :number, :supplier, :location, :orderDate, :expected, :currency, :total,
                                :notes, :user)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("number", number)
                .param("supplier", request.supplierId()).param("location", request.locationId())
                .param("orderDate", orderDate).param("expected", request.expectedDate())
                .param("currency", tenant.currency()).param("total", total(lines))
                .param("notes", blankToNull(request.notes())).param("user", TenantContext.userId().orElse(null))
                .update();
        insertLines(id, lines);
        return get(id);
    }

    /** Replaces a draft's content; {@code expectedVersion} is the If-Match the caller sent. */
    @Transactional
    public OrderView update(UUID id, Long expectedVersion, OrderRequest request) {
        Locked order = lock(id);
        Versions.check(expectedVersion, order.version());
        requireDraft(order);
        LocalDate orderDate = request.orderDate() == null
                ? jdbc.sql("SELECT order_date FROM supplier_orders WHERE id = :id").param("id", id)
                        .query(LocalDate.class).single()
                : request.orderDate();
        List<PricedLine> lines = check(request, orderDate, order.currency());
        jdbc.sql("DELETE FROM supplier_order_lines WHERE tenant_id = :tenant AND order_id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        insertLines(id, lines);
        jdbc.sql("""
                        UPDATE supplier_orders SET supplier_id = :supplier, location_id = :location, order_date = :orderDate,
                               expected_date = :expected, notes = :notes, total = :total, version = version + 1,
                               updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("supplier", request.supplierId()).param("location", request.locationId())
                .param("orderDate", orderDate).param("expected", request.expectedDate())
                .param("notes", blankToNull(request.notes())).param("total", total(lines)).param("id", id)
                .update();
        return get(id);
    }

    @Transactional
    public OrderView send(UUID id) {
        return send(id, null);
    }

    /** Sends a draft; {@code at} backdates it (demo data), null means now. */
    @Transactional
    public OrderView send(UUID id, Instant at) {
        Locked order = lock(id);
        requireDraft(order);
        jdbc.sql("""
                        UPDATE supplier_orders SET status = 'sent', sent_at = coalesce(:at, now()), version = version + 1,
                               updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("at", at == null ? null : Timestamp.from(at)).param("id", id).update();
        return get(id);
    }

    @Transactional
    public OrderView cancel(UUID id, Cancellation cancellation) {
        return cancel(id, cancellation, null);
    }

    /** Cancels; {@code at} backdates it (demo data), null means now. */
    @Transactional
    public OrderView cancel(UUID id, Cancellation cancellation, Instant at) {
        Locked order = lock(id);
        if (!Set.of("draft", "sent", "partially_received").contains(order.status())) {
            throw Problems.of(PurchasingProblem.ORDER_NOT_CANCELLABLE,
                    "Order " + order.displayNumber() + " is " + order.status()
                    + ": only a draft, sent or partially received order can be cancelled");
        }
        jdbc.sql("""
                        UPDATE supplier_orders SET status = 'cancelled', cancelled_at = coalesce(:at, now()),
                               cancelled_by = :user, cancellation_reason = :reason, version = version + 1,
                               updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("at", at == null ? null : Timestamp.from(at))
                .param("user", TenantContext.userId().orElse(null)).param("reason", cancellation.reason().trim())
                .param("id", id).update();
        return get(id);
    }

    @Transactional(readOnly = true)
    public OrderView get(UUID id) {
        OrderView head = jdbc.sql(ORDER_SELECT + " WHERE o.id = :id").param("id", id)
                .query((rs, n) -> orderRow(rs, List.of())).optional()
                .orElseThrow(() -> new NotFoundException("Supplier order"));
        return withLines(head, lines(id));
    }

    @Transactional(readOnly = true)
    public List<LineView> lines(UUID orderId) {
        return jdbc.sql("""
                        SELECT id, position, item_id, item_sku, item_name, quantity, unit_cost, line_total, received_quantity
                        FROM supplier_order_lines WHERE order_id = :id ORDER BY position""")
                .param("id", orderId)
                .query((rs, n) -> LineView.of(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getObject("item_id", UUID.class), rs.getString("item_sku"), rs.getString("item_name"),
                        rs.getBigDecimal("quantity"), Money.unitCost(rs.getBigDecimal("unit_cost")),
                        rs.getBigDecimal("line_total"), rs.getBigDecimal("received_quantity")))
                .list();
    }

    @Transactional(readOnly = true)
    public CursorPage<OrderSummary> list(Filter filter, UUID before, int limit) {
        String status = blankToNull(filter.status());
        if (status != null && !STATUSES.contains(status)) {
            throw Problems.of(PurchasingProblem.UNKNOWN_STATUS, "Unknown status '" + status + "'; one of " + STATUSES);
        }
        List<OrderSummary> rows = jdbc.sql("""
                        SELECT o.id, %s AS number, o.status, o.supplier_id, s.name AS supplier_name, o.location_id,
                               l.name AS location_name, o.order_date, o.expected_date, o.currency, o.total,
                               o.received_value, o.sent_at, o.received_at, o.created_at
                        FROM supplier_orders o
                        JOIN catalog_suppliers s ON s.tenant_id = o.tenant_id AND s.id = o.supplier_id
                        JOIN inventory_locations l ON l.tenant_id = o.tenant_id AND l.id = o.location_id
                        WHERE (CAST(:status AS text) IS NULL OR o.status = :status)
                          AND (CAST(:supplier AS uuid) IS NULL OR o.supplier_id = :supplier)
                          AND (CAST(:before AS uuid) IS NULL OR o.id < :before)
                        ORDER BY o.id DESC LIMIT :limit""".formatted(NUMBER))
                .param("status", status).param("supplier", filter.supplierId()).param("before", before)
                .param("limit", limit + 1)
                .query((rs, n) -> new OrderSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("status"), rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
                        rs.getObject("location_id", UUID.class), rs.getString("location_name"),
                        rs.getObject("order_date", LocalDate.class), rs.getObject("expected_date", LocalDate.class),
                        rs.getString("currency"), rs.getBigDecimal("total"), rs.getBigDecimal("received_value"),
                        instant(rs, "sent_at"), instant(rs, "received_at"), instant(rs, "created_at")))
                .list();
        return CursorPage.of(rows, limit, OrderSummary::id);
    }

    /** Locks the order row for the rest of the transaction: sends, cancellations and deliveries of it queue here. */
    Locked lock(UUID id) {
        return jdbc.sql("""
                        SELECT id, number, status, supplier_id, location_id, currency, version
                        FROM supplier_orders WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).query(Locked.class).optional()
                .orElseThrow(() -> new NotFoundException("Supplier order"));
    }

    private static void requireDraft(Locked order) {
        if (!order.status().equals("draft")) {
            throw Problems.of(PurchasingProblem.ORDER_NOT_DRAFT, "Order " + order.displayNumber() + " is " + order.status()
                    + ": only a draft can be edited or sent");
        }
    }

    /** Upsert ... RETURNING: the counter row stays locked until commit, so concurrent orders queue and never skip. */
    private long nextNumber() {
        return jdbc.sql("""
                        INSERT INTO supplier_order_counters (tenant_id, next_number) VALUES (:tenant, 2)
                        ON CONFLICT (tenant_id) DO UPDATE
                            SET next_number = supplier_order_counters.next_number + 1, updated_at = EXCLUDED.updated_at
                        RETURNING next_number - 1""")
                .param("tenant", TenantContext.tenantId()).query(Long.class).single();
    }

    private record PricedLine(ItemInfo item, BigDecimal quantity, BigDecimal unitCost, BigDecimal total) {
    }

    private List<PricedLine> check(OrderRequest request, LocalDate orderDate, String currency) {
        requireSupplier(request.supplierId());
        requireLocation(request.locationId());
        if (request.expectedDate() != null && request.expectedDate().isBefore(orderDate)) {
            throw Problems.of(PurchasingProblem.EXPECTED_BEFORE_ORDER, "The expected delivery date " + request.expectedDate()
                    + " is before the order date " + orderDate);
        }
        Map<UUID, ItemInfo> items = catalog.findAll(request.lines().stream().map(LineRequest::itemId).toList());
        int decimals = Money.decimals(currency);
        Set<UUID> seen = new HashSet<>();
        List<PricedLine> lines = new ArrayList<>();
        for (LineRequest line : request.lines()) {
            ItemInfo item = usableItem(items.get(line.itemId()), line);
            if (!seen.add(item.id())) {
                throw Problems.of(PurchasingProblem.DUPLICATE_ITEM,
                        "Item " + item.sku() + " is on the order twice; order it on one line");
            }
            BigDecimal cost = line.unitCost() == null ? item.costPrice() : line.unitCost();
            lines.add(new PricedLine(item, line.quantity(), cost, Money.amount(line.quantity(), cost, decimals)));
        }
        return lines;
    }

    private static ItemInfo usableItem(ItemInfo item, LineRequest line) {
        if (item == null) {
            throw Problems.of(PurchasingProblem.UNKNOWN_ITEM, "Item " + line.itemId() + " does not exist");
        }
        if (!item.active()) {
            throw Problems.of(PurchasingProblem.INACTIVE_ITEM, "Item " + item.sku() + " is not active");
        }
        if (line.quantity().stripTrailingZeros().scale() > item.unitDecimals()) {
            throw Problems.of(PurchasingProblem.QUANTITY_DECIMALS, "Item " + item.sku() + " is counted in whole units"
                    + (item.unitDecimals() == 0 ? "" : " with at most " + item.unitDecimals() + " decimals"));
        }
        return item;
    }

    private void requireSupplier(UUID supplierId) {
        Boolean usable = jdbc.sql("SELECT active AND deleted_at IS NULL FROM catalog_suppliers WHERE id = :id")
                .param("id", supplierId).query(Boolean.class).optional().orElse(null);
        if (usable == null) {
            throw Problems.of(PurchasingProblem.UNKNOWN_SUPPLIER, "Supplier " + supplierId + " does not exist");
        }
        if (!usable) {
            throw Problems.of(PurchasingProblem.INACTIVE_SUPPLIER, "Supplier " + supplierId + " is not active");
        }
    }

    void requireLocation(UUID locationId) {
        Boolean active = jdbc.sql("SELECT active FROM inventory_locations WHERE id = :id").param("id", locationId)
                .query(Boolean.class).optional().orElse(null);
        if (active == null) {
            throw Problems.of(PurchasingProblem.UNKNOWN_LOCATION, "Location " + locationId + " does not exist");
        }
        if (!active) {
            throw Problems.of(PurchasingProblem.INACTIVE_LOCATION, "Location " + locationId + " is not active");
        }
    }

    private static BigDecimal total(List<PricedLine> lines) {
        return lines.stream().map(PricedLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void insertLines(UUID orderId, List<PricedLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            PricedLine line = lines.get(i);
            jdbc.sql("""
                            INSERT INTO supplier_order_lines (tenant_id, id, order_id, position, item_id, item_sku, item_name,
                                                              quantity, unit_cost, line_total)
                            VALUES (:tenant, :id, :order, :position, :item, :sku, :name, :quantity, :cost, :total)""")
                    .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("order", orderId)
                    .param("position", i + 1).param("item", line.item().id()).param("sku", line.item().sku())
                    .param("name", line.item().name()).param("quantity", line.quantity())
                    .param("cost", line.unitCost()).param("total", line.total())
                    .update();
        }
    }

    private static final String ORDER_SELECT = """
            SELECT o.id, %s AS number, o.status, o.supplier_id, s.name AS supplier_name, o.location_id,
                   l.name AS location_name, o.order_date, o.expected_date, o.currency, o.total, o.received_value, o.notes,
                   o.sent_at, o.received_at, o.cancelled_at, o.cancelled_by, cu.name AS cancelled_by_name,
                   o.cancellation_reason, o.created_by, u.name AS created_by_name, o.created_at, o.updated_at, o.version
            FROM supplier_orders o
            JOIN catalog_suppliers s ON s.tenant_id = o.tenant_id AND s.id = o.supplier_id
            JOIN inventory_locations l ON l.tenant_id = o.tenant_id AND l.id = o.location_id
            LEFT JOIN platform_users u ON u.tenant_id = o.tenant_id AND u.id = o.created_by
            LEFT JOIN platform_users cu ON cu.tenant_id = o.tenant_id AND cu.id = o.cancelled_by
            """.formatted(NUMBER);

    private static OrderView orderRow(ResultSet rs, List<LineView> lines) throws SQLException {
        return new OrderView(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("status"),
                rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
                rs.getObject("location_id", UUID.class), rs.getString("location_name"),
                rs.getObject("order_date", LocalDate.class), rs.getObject("expected_date", LocalDate.class),
                rs.getString("currency"), rs.getBigDecimal("total"), rs.getBigDecimal("received_value"),
                rs.getString("notes"), instant(rs, "sent_at"), instant(rs, "received_at"), instant(rs, "cancelled_at"),
                rs.getObject("cancelled_by", UUID.class), rs.getString("cancelled_by_name"),
                rs.getString("cancellation_reason"), rs.getObject("created_by", UUID.class),
                rs.getString("created_by_name"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getLong("version"), lines);
    }

    private static OrderView withLines(OrderView o, List<LineView> lines) {
        return new OrderView(o.id(), o.number(), o.status(), o.supplierId(), o.supplierName(), o.locationId(),
                o.locationName(), o.orderDate(), o.expectedDate(), o.currency(), o.total(), o.receivedValue(), o.notes(),
                o.sentAt(), o.receivedAt(), o.cancelledAt(), o.cancelledBy(), o.cancelledByName(),
                o.cancellationReason(), o.createdBy(), o.createdByName(), o.createdAt(), o.updatedAt(), o.version(),
                List.copyOf(lines));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
