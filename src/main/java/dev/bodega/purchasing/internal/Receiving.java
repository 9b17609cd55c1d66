package dev.bodega.purchasing.internal;

import dev.bodega.platform.Text;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.Money;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.purchasing.PurchaseReceived;
import dev.bodega.purchasing.internal.PurchaseViews.LineView;
import dev.bodega.purchasing.internal.PurchaseViews.ReceiptLineView;
import dev.bodega.purchasing.internal.PurchaseViews.ReceiptView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Deliveries of a supplier order. One delivery, in one transaction: lock the
 * order, check the quantities against what is outstanding, post the receipt
 * through the stock ledger at each line's unit cost (the moving-average cost
 * follows), record the delivery with its posting id, move the order to
 * partially received or received, publish {@link PurchaseReceived}.
 *
 * <p>Receiving more than is outstanding on a line is refused (409
 * {@code over-receipt}, listing the lines) unless the request confirms it.
 */
@Service
class Receiving {

    record ReceiptLineRequest(@NotNull UUID lineId,
                              @NotNull @PositiveOrZero @Digits(integer = 11, fraction = 3) BigDecimal quantity) {
    }

    /** The location defaults to the order's; lines with quantity 0 are skipped (a form sends every line). */
    record ReceiptRequest(UUID locationId, @Size(max = 500) String note, Boolean confirmOverReceipt,
                          @NotEmpty @Size(max = 500) List<@Valid @NotNull ReceiptLineRequest> lines) {

        boolean overReceiptConfirmed() {
            return Boolean.TRUE.equals(confirmOverReceipt);
        }
    }

    /** A line that would receive more than is outstanding. */
    record Excess(UUID lineId, String sku, BigDecimal ordered, BigDecimal received, BigDecimal outstanding,
                  BigDecimal requested) {
    }

    private record Take(LineView line, BigDecimal quantity, BigDecimal value) {
    }

    private final JdbcClient jdbc;
    private final SupplierOrders orders;
    private final StockPostings postings;
    private final Idempotency idempotency;
    private final ApplicationEventPublisher events;

    Receiving(JdbcClient jdbc, SupplierOrders orders, StockPostings postings, Idempotency idempotency,
              ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.postings = postings;
        this.idempotency = idempotency;
        this.events = events;
    }

    /** The API and the page both come through here: a retry with the same key posts once and gets the first answer. */
    ResponseEntity<?> receive(String key, UUID orderId, ReceiptRequest request) {
        return idempotency.run("purchasing.receive:" + orderId, key, request, () -> {
            ReceiptView receipt = receive(orderId, request, null);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/purchasing/orders/" + orderId + "/receipts/" + receipt.id()))
                    .body(receipt);
        });
    }

    /** Receives a delivery; {@code at} backdates it (demo data), null means now. */
    @Transactional
    public ReceiptView receive(UUID orderId, ReceiptRequest request, Instant at) {
        SupplierOrders.Locked order = orders.lock(orderId);
        if (!order.status().equals("sent") && !order.status().equals("partially_received")) {
            throw Problems.of(PurchasingProblem.ORDER_NOT_RECEIVABLE,
                    "Order " + order.displayNumber() + " is " + order.status()
                    + ": deliveries are received once it was sent, until it is received or cancelled");
        }
        UUID location = request.locationId() == null ? order.locationId() : request.locationId();
        orders.requireLocation(location);
        List<LineView> lines = orders.lines(orderId);
        int decimals = Money.decimals(order.currency());
        List<Take> takes = takes(lines, request, decimals);
        List<Excess> excess = excess(takes);
        if (!excess.isEmpty() && !request.overReceiptConfirmed()) {
            throw overReceipt(order, excess);
        }
        UUID receiptId = Ids.next();
        StockPostings.Posted posted = postings.post(new StockPostings.Posting("purchase_receipt", "supplier_receipt",
                receiptId, null, order.displayNumber(), takes.stream()
                .map(t -> StockPostings.Line.in(location, t.line().itemId(), MovementType.PURCHASE_RECEIPT,
                        t.quantity(), t.line().unitCost()))
                .toList()));
        BigDecimal value = takes.stream().map(Take::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        int sequence = insertReceipt(receiptId, order, location, posted.postingId(), value, !excess.isEmpty(),
                request.note(), at);
        insertLines(receiptId, takes);
        String status = applyToOrder(order, takes, value, at);
        ReceiptView receipt = get(orderId, receiptId);
        events.publishEvent(new PurchaseReceived(TenantContext.tenantId(), orderId, order.displayNumber(), receiptId,
                sequence, order.supplierId(), location, posted.postingId(), status, value, order.currency(),
                receipt.receivedBy(), receipt.receivedAt()));
        return receipt;
    }

    @Transactional(readOnly = true)
    public CursorPage<ReceiptView> list(UUID orderId, UUID before, int limit) {
        orders.get(orderId);
        List<ReceiptView> heads = jdbc.sql(RECEIPT_SELECT + """
                         WHERE r.order_id = :order AND (CAST(:before AS uuid) IS NULL OR r.id < :before)
                        ORDER BY r.id DESC LIMIT :limit""")
                .param("order", orderId).param("before", before).param("limit", limit + 1)
                .query((rs, n) -> receiptRow(rs, List.of())).list();
        CursorPage<ReceiptView> page = CursorPage.of(heads, limit, ReceiptView::id);
        Map<UUID, List<ReceiptLineView>> lines = lines(page.items().stream().map(ReceiptView::id).toList());
        return new CursorPage<>(page.items().stream()
                .map(r -> withLines(r, lines.getOrDefault(r.id(), List.of()))).toList(), page.nextCursor());
    }

    @Transactional(readOnly = true)
    public ReceiptView get(UUID orderId, UUID receiptId) {
        ReceiptView head = jdbc.sql(RECEIPT_SELECT + " WHERE r.order_id = :order AND r.id = :id")
                .param("order", orderId).param("id", receiptId)
                .query((rs, n) -> receiptRow(rs, List.of())).optional()
                .orElseThrow(() -> new NotFoundException("Receipt"));
        return withLines(head, lines(List.of(receiptId)).getOrDefault(receiptId, List.of()));
    }

    private static List<Take> takes(List<LineView> lines, ReceiptRequest request, int decimals) {
        Map<UUID, LineView> byId = new LinkedHashMap<>();
        lines.forEach(l -> byId.put(l.id(), l));
        Set<UUID> seen = new HashSet<>();
        List<Take> takes = new ArrayList<>();
        for (ReceiptLineRequest requested : request.lines()) {
            LineView line = byId.get(requested.lineId());
            if (line == null) {
                throw Problems.of(PurchasingProblem.UNKNOWN_LINE,
                        "Line " + requested.lineId() + " is not a line of this order");
            }
            if (!seen.add(line.id())) {
                throw Problems.of(PurchasingProblem.DUPLICATE_LINE, "Line " + line.position() + " (" + line.sku()
                        + ") appears twice in the delivery");
            }
            if (requested.quantity().signum() > 0) {
                takes.add(new Take(line, requested.quantity(),
                        Money.amount(requested.quantity(), line.unitCost(), decimals)));
            }
        }
        if (takes.isEmpty()) {
            throw Problems.of(PurchasingProblem.EMPTY_RECEIPT,
                    "A delivery needs at least one line with a quantity above zero");
        }
        return takes;
    }

    private static List<Excess> excess(List<Take> takes) {
        List<Excess> excess = new ArrayList<>();
        for (Take take : takes) {
            LineView line = take.line();
            if (take.quantity().compareTo(line.outstandingQuantity()) > 0) {
                excess.add(new Excess(line.id(), line.sku(), line.quantity(), line.receivedQuantity(),
                        line.outstandingQuantity(), take.quantity()));
            }
        }
        return excess;
    }

    private static ErrorResponseException overReceipt(SupplierOrders.Locked order, List<Excess> excess) {
        ErrorResponseException problem = Problems.of(PurchasingProblem.OVER_RECEIPT, "The delivery receives more than is "
                + "outstanding on " + excess.size() + " line(s) of order " + order.displayNumber()
                + "; send confirmOverReceipt: true to accept it");
        problem.getBody().setProperty("lines", excess.stream().map(e -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("lineId", e.lineId().toString());
            line.put("sku", e.sku());
            line.put("ordered", plain(e.ordered()));
            line.put("received", plain(e.received()));
            line.put("outstanding", plain(e.outstanding()));
            line.put("requested", plain(e.requested()));
            return line;
        }).toList());
        return problem;
    }

    private static String plain(BigDecimal quantity) {
        return quantity.signum() == 0 ? "0" : quantity.stripTrailingZeros().toPlainString();
    }

    private int insertReceipt(UUID id, SupplierOrders.Locked order, UUID location, UUID postingId, BigDecimal value,
                              boolean overReceipt, String note, Instant at) {
        // The order row is locked: no other delivery of it can take the same sequence.
        return jdbc.sql("""
                        INSERT INTO supplier_receipts (tenant_id, id, order_id, sequence, location_id, posting_id, value,
                                                       over_receipt, note, received_by, received_at)
                        SELECT :tenant, :id, :order, coalesce(max(sequence), 0) + 1, :location, :posting, :value,
                               :over, :note, :user, coalesce(:at, now())
                        FROM supplier_receipts WHERE tenant_id = :tenant AND order_id = :order
                        RETURNING sequence""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("order", order.id())
                .param("location", location).param("posting", postingId).param("value", value)
                .param("over", overReceipt).param("note", Text.blankToNull(note))
                .param("user", TenantContext.userId().orElse(null))
                .param("at", at == null ? null : Timestamp.from(at))
                .query(Integer.class).single();
    }

    private void insertLines(UUID receiptId, List<Take> takes) {
        for (Take take : takes) {
            jdbc.sql("""
                            INSERT INTO supplier_receipt_lines (tenant_id, id, receipt_id, order_line_id, item_id, quantity,
                                                                unit_cost, value)
                            VALUES (:tenant, :id, :receipt, :line, :item, :quantity, :cost, :value)""")
                    .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("receipt", receiptId)
                    .param("line", take.line().id()).param("item", take.line().itemId())
                    .param("quantity", take.quantity()).param("cost", take.line().unitCost())
                    .param("value", take.value())
                    .update();
        }
    }

    /** Adds the quantities to the lines; the order is received when no line has anything outstanding. */
    private String applyToOrder(SupplierOrders.Locked order, List<Take> takes, BigDecimal value, Instant at) {
        for (Take take : takes) {
            jdbc.sql("""
                            UPDATE supplier_order_lines SET received_quantity = received_quantity + :q
                            WHERE tenant_id = :tenant AND id = :id""")
                    .param("tenant", TenantContext.tenantId())
                    .param("q", take.quantity()).param("id", take.line().id()).update();
        }
        return jdbc.sql("""
                        UPDATE supplier_orders o
                        SET status = CASE WHEN complete THEN 'received' ELSE 'partially_received' END,
                            received_at = CASE WHEN complete THEN coalesce(:at, now()) END,
                            received_value = o.received_value + :value, version = o.version + 1, updated_at = now()
                        FROM (SELECT bool_and(received_quantity >= quantity) AS complete
                              FROM supplier_order_lines WHERE tenant_id = :tenant AND order_id = :id) lines
                        WHERE o.tenant_id = :tenant AND o.id = :id
                        RETURNING o.status""")
                .param("tenant", TenantContext.tenantId()).param("at", at == null ? null : Timestamp.from(at)).param("value", value).param("id", order.id())
                .query(String.class).single();
    }

    private Map<UUID, List<ReceiptLineView>> lines(List<UUID> receiptIds) {
        Map<UUID, List<ReceiptLineView>> lines = new LinkedHashMap<>();
        if (receiptIds.isEmpty()) {
            return lines;
        }
        jdbc.sql("""
                        SELECT rl.receipt_id, rl.id, rl.order_line_id, rl.item_id, ol.item_sku, ol.item_name, rl.quantity,
                               rl.unit_cost, rl.value
                        FROM supplier_receipt_lines rl
                        JOIN supplier_order_lines ol ON ol.tenant_id = rl.tenant_id AND ol.id = rl.order_line_id
                        WHERE rl.receipt_id = ANY (CAST(:ids AS uuid[]))
                        ORDER BY ol.position""")
                .param("ids", receiptIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getObject("receipt_id", UUID.class), k -> new ArrayList<>())
                            .add(new ReceiptLineView(rs.getObject("id", UUID.class),
                                    rs.getObject("order_line_id", UUID.class), rs.getObject("item_id", UUID.class),
                                    rs.getString("item_sku"), rs.getString("item_name"), rs.getBigDecimal("quantity"),
                                    Money.unitCost(rs.getBigDecimal("unit_cost")), rs.getBigDecimal("value")));
                });
        return lines;
    }

    private static final String RECEIPT_SELECT = """
            SELECT r.id, r.order_id, 'OC-' || lpad(o.number::text, 6, '0') AS order_number, r.sequence, r.location_id,
                   l.name AS location_name, r.posting_id, r.value, r.over_receipt, r.note, r.received_by,
                   u.name AS received_by_name, r.received_at
            FROM supplier_receipts r
            JOIN supplier_orders o ON o.tenant_id = r.tenant_id AND o.id = r.order_id
            JOIN inventory_locations l ON l.tenant_id = r.tenant_id AND l.id = r.location_id
            LEFT JOIN platform_users u ON u.tenant_id = r.tenant_id AND u.id = r.received_by
            """;

    private static ReceiptView receiptRow(ResultSet rs, List<ReceiptLineView> lines) throws SQLException {
        return new ReceiptView(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("order_number"), rs.getInt("sequence"), rs.getObject("location_id", UUID.class),
                rs.getString("location_name"), rs.getObject("posting_id", UUID.class), rs.getBigDecimal("value"),
                rs.getBoolean("over_receipt"), rs.getString("note"), rs.getObject("received_by", UUID.class),
                rs.getString("received_by_name"), SupplierOrders.instant(rs, "received_at"), lines);
    }

    private static ReceiptView withLines(ReceiptView r, List<ReceiptLineView> lines) {
        return new ReceiptView(r.id(), r.orderId(), r.orderNumber(), r.sequence(), r.locationId(), r.locationName(),
                r.postingId(), r.value(), r.overReceipt(), r.note(), r.receivedBy(), r.receivedByName(), r.receivedAt(),
                List.copyOf(lines));
    }
}
