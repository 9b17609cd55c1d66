package dev.bodega.sales.internal.selling;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Money;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.ReturnCreated;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.customers.Customers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Returns of a completed sale (seed 000 devoluciones): partial, never more of
 * a line than was sold minus what already came back. The sale row is locked
 * first, so two returns of one sale are judged one after the other. Restocked
 * lines go back into stock at the cost they left with; damaged ones move no
 * stock. The refund reduces the customer's purchase total.
 */
@Service
class Returns {

    record ReturnLineRequest(@NotNull UUID saleLineId,
                             @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal quantity,
                             Boolean damaged) {

        /** Absent means restocked. */
        boolean writtenOff() {
            return Boolean.TRUE.equals(damaged);
        }
    }

    /** {@code refundAmount} defaults to the value of the returned goods and may not exceed it. */
    record NewReturn(UUID locationId,
                     @NotBlank @Size(max = 500) String reason,
                     @NotBlank @Pattern(regexp = "cash|card|transfer|other") String refundMethod,
                     @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal refundAmount,
                     @NotEmpty @Size(max = 500) List<@Valid @NotNull ReturnLineRequest> lines) {
    }

    record ReturnLineView(UUID id, UUID saleLineId, UUID itemId, String sku, String name, BigDecimal quantity,
                          boolean restocked, BigDecimal unitCost, BigDecimal value) {
    }

    record ReturnView(UUID id, UUID saleId, String invoice, UUID locationId, String locationName, BigDecimal value,
                      BigDecimal refundAmount, String refundMethod, String reason, UUID userId, String userName,
                      Instant createdAt, List<ReturnLineView> lines) {
    }

    private record SoldLine(UUID id, UUID itemId, BigDecimal quantity, BigDecimal total, BigDecimal unitCost,
                            BigDecimal returnedQuantity, BigDecimal returnedAmount, int decimals) {
    }

    private record Planned(ReturnLineRequest request, SoldLine sold, BigDecimal value) {
    }

    private final JdbcClient jdbc;
    private final Sales sales;
    private final Customers customers;
    private final StockPostings postings;
    private final ApplicationEventPublisher events;

    Returns(JdbcClient jdbc, Sales sales, Customers customers, StockPostings postings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sales = sales;
        this.customers = customers;
        this.postings = postings;
        this.events = events;
    }

    @Transactional
    public ReturnView create(UUID saleId, NewReturn request) {
        return create(saleId, request, null);
    }

    /** A return as of {@code at} (null: now); only for data that describes the past, as {@link Sales#create(Sales.NewSale, java.time.Instant)}. */
    @Transactional
    ReturnView create(UUID saleId, NewReturn request, Instant at) {
        LockedSale sale = sales.lock(saleId);
        if (!sale.status().equals("completed")) {
            throw Problems.of(SalesProblem.SALE_NOT_COMPLETED,
                    "Only a completed sale can take returns; this one is " + sale.status());
        }
        UUID locationId = request.locationId() == null ? sale.locationId() : request.locationId();
        requireLocation(locationId);
        int decimals = Money.decimals(sale.currency());
        List<Planned> planned = plan(saleId, request.lines(), decimals);
        BigDecimal value = planned.stream().map(Planned::value).reduce(Money.round(BigDecimal.ZERO, decimals), BigDecimal::add);
        BigDecimal refund = refund(request.refundAmount(), value, decimals);

        UUID id = Ids.next();
        Map<UUID, BigDecimal> costs = restock(id, locationId, planned, request.reason().trim());
        jdbc.sql("""
                        INSERT INTO sale_returns (tenant_id, id, sale_id, location_id, value, refund_amount, refund_method,
                                                  reason, user_id, created_at)
                        VALUES (:tenant, :id, :sale, :location, :value, :refund, :method, :reason, :user,
                                coalesce(CAST(:at AS timestamptz), now()))""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("sale", saleId)
                .param("location", locationId).param("value", value).param("refund", refund)
                .param("method", request.refundMethod()).param("reason", request.reason().trim())
                .param("user", TenantContext.userId().orElse(null)).param("at", Values.timestamp(at))
                .update();
        for (Planned line : planned) {
            insertLine(id, line, costs);
        }
        jdbc.sql("""
                        UPDATE sales SET refunded = refunded + :refund, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("refund", refund).param("id", saleId).update();
        if (sale.customerId() != null && refund.signum() > 0) {
            customers.recordRefund(sale.customerId(), refund);
        }
        ReturnView created = get(id);
        events.publishEvent(new ReturnCreated(TenantContext.tenantId(), id, saleId, sale.customerId(), value, refund,
                request.refundMethod(), created.createdAt()));
        return created;
    }

    @Transactional(readOnly = true)
    public ReturnView get(UUID id) {
        ReturnView head = jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id)
                .query((rs, n) -> row(rs, List.of())).optional()
                .orElseThrow(() -> new NotFoundException("Return"));
        List<ReturnLineView> lines = jdbc.sql("""
                        SELECT rl.id, rl.sale_line_id, rl.item_id, sl.item_sku AS sku, sl.item_name AS name, rl.quantity,
                               rl.restocked, rl.unit_cost, rl.value
                        FROM sale_return_lines rl
                        JOIN sale_lines sl ON sl.tenant_id = rl.tenant_id AND sl.id = rl.sale_line_id
                        WHERE rl.return_id = :id ORDER BY sl.position, rl.id""")
                .param("id", id).query(ReturnLineView.class).list();
        return new ReturnView(head.id(), head.saleId(), head.invoice(), head.locationId(), head.locationName(),
                head.value(), head.refundAmount(), head.refundMethod(), head.reason(), head.userId(), head.userName(),
                head.createdAt(), lines);
    }

    /** Returns newest first, optionally of one sale; each without its lines. */
    @Transactional(readOnly = true)
    public CursorPage<ReturnView> list(UUID saleId, UUID before, int limit) {
        List<ReturnView> rows = jdbc.sql(SELECT + """
                         WHERE (CAST(:sale AS uuid) IS NULL OR r.sale_id = :sale)
                           AND (CAST(:before AS uuid) IS NULL OR r.id < :before)
                        ORDER BY r.id DESC LIMIT :limit""")
                .param("sale", saleId).param("before", before).param("limit", limit + 1)
                .query((rs, n) -> row(rs, List.of())).list();
        return CursorPage.of(rows, limit, ReturnView::id);
    }

    /** Checks each line against what remains returnable and values it; a line returned whole gets its exact remainder. */
    private List<Planned> plan(UUID saleId, List<ReturnLineRequest> requested, int decimals) {
        Map<UUID, SoldLine> sold = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT sl.id, sl.item_id, sl.quantity, sl.total, sl.unit_cost, sl.returned_quantity,
                               sl.returned_amount, i.unit_decimals AS decimals
                        FROM sale_lines sl
                        JOIN catalog_items i ON i.tenant_id = sl.tenant_id AND i.id = sl.item_id
                        WHERE sl.sale_id = :sale""")
                .param("sale", saleId).query(SoldLine.class).list()
                .forEach(line -> sold.put(line.id(), line));
        Map<UUID, BigDecimal> quantityLeft = new HashMap<>();
        Map<UUID, BigDecimal> valueLeft = new HashMap<>();
        sold.values().forEach(l -> {
            quantityLeft.put(l.id(), l.quantity().subtract(l.returnedQuantity()));
            valueLeft.put(l.id(), l.total().subtract(l.returnedAmount()));
        });
        List<Planned> planned = new ArrayList<>();
        for (ReturnLineRequest line : requested) {
            SoldLine soldLine = sold.get(line.saleLineId());
            if (soldLine == null) {
                throw Problems.of(SalesProblem.UNKNOWN_SALE_LINE,
                        "Line " + line.saleLineId() + " is not a line of this sale");
            }
            if (line.quantity().stripTrailingZeros().scale() > soldLine.decimals()) {
                throw Problems.of(SalesProblem.QUANTITY_DECIMALS,
                        "The item of line " + line.saleLineId() + " is counted in whole units");
            }
            BigDecimal left = quantityLeft.get(soldLine.id());
            if (line.quantity().compareTo(left) > 0) {
                throw exceeds(soldLine, left, line.quantity());
            }
            BigDecimal value = line.quantity().compareTo(left) == 0 ? valueLeft.get(soldLine.id())
                    : soldLine.total().multiply(line.quantity())
                            .divide(soldLine.quantity(), decimals, RoundingMode.HALF_UP)
                            .min(valueLeft.get(soldLine.id()));
            quantityLeft.put(soldLine.id(), left.subtract(line.quantity()));
            valueLeft.put(soldLine.id(), valueLeft.get(soldLine.id()).subtract(value));
            planned.add(new Planned(line, soldLine, value));
        }
        return planned;
    }

    private static ErrorResponseException exceeds(SoldLine line, BigDecimal left, BigDecimal requested) {
        ErrorResponseException problem = Problems.of(SalesProblem.RETURN_EXCEEDS_SOLD,
                "Only " + left.stripTrailingZeros().toPlainString() + " of this line can still be returned");
        problem.getBody().setProperty("saleLineId", line.id().toString());
        problem.getBody().setProperty("returnable", left.stripTrailingZeros().toPlainString());
        problem.getBody().setProperty("requested", requested.stripTrailingZeros().toPlainString());
        return problem;
    }

    private static BigDecimal refund(BigDecimal requested, BigDecimal value, int decimals) {
        if (requested == null) {
            return value;
        }
        if (Money.round(requested, decimals).compareTo(requested) != 0) {
            throw Problems.of(SalesProblem.REFUND_DECIMALS, "The refund has more decimals than the currency");
        }
        if (requested.compareTo(value) > 0) {
            throw Problems.of(SalesProblem.REFUND_EXCEEDS_VALUE,
                    "The refund cannot exceed the value of the returned goods (" + value.toPlainString() + ")");
        }
        return Money.round(requested, decimals);
    }

    /** Posts the restocked lines; returns the cost each item came back at (damaged lines keep the sale's cost). */
    private Map<UUID, BigDecimal> restock(UUID returnId, UUID locationId, List<Planned> planned, String reason) {
        List<StockPostings.Line> lines = planned.stream().filter(p -> !p.request().writtenOff())
                .map(p -> StockPostings.Line.in(locationId, p.sold().itemId(), MovementType.CUSTOMER_RETURN,
                        p.request().quantity(), p.sold().unitCost()))
                .toList();
        Map<UUID, BigDecimal> costs = new HashMap<>();
        if (!lines.isEmpty()) {
            postings.post(new StockPostings.Posting("customer_return", "sale_return", returnId, "customer_return", reason, lines))
                    .entries().forEach(e -> costs.put(e.itemId(), e.unitCost()));
        }
        return costs;
    }

    private void insertLine(UUID returnId, Planned line, Map<UUID, BigDecimal> costs) {
        boolean restocked = !line.request().writtenOff();
        BigDecimal cost = restocked ? costs.get(line.sold().itemId()) : line.sold().unitCost();
        jdbc.sql("""
                        INSERT INTO sale_return_lines (tenant_id, id, return_id, sale_line_id, item_id, quantity, restocked,
                                                       unit_cost, value)
                        VALUES (:tenant, :id, :return, :line, :item, :quantity, :restocked, :cost, :value)""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("return", returnId)
                .param("line", line.sold().id()).param("item", line.sold().itemId())
                .param("quantity", line.request().quantity()).param("restocked", restocked).param("cost", cost)
                .param("value", line.value())
                .update();
        jdbc.sql("""
                        UPDATE sale_lines SET returned_quantity = returned_quantity + :quantity,
                               returned_amount = returned_amount + :value
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("quantity", line.request().quantity()).param("value", line.value()).param("id", line.sold().id())
                .update();
    }

    private void requireLocation(UUID locationId) {
        Boolean active = jdbc.sql("SELECT active FROM inventory_locations WHERE id = :id").param("id", locationId)
                .query(Boolean.class).optional().orElse(null);
        if (active == null) {
            throw Problems.of(SalesProblem.UNKNOWN_LOCATION, "Location " + locationId + " does not exist");
        }
        if (!active) {
            throw Problems.of(SalesProblem.INACTIVE_LOCATION, "Location " + locationId + " is not active");
        }
    }

    private static final String SELECT = """
            SELECT r.id, r.sale_id, sr.code || '-' || lpad(s.invoice_number::text, 8, '0') AS invoice, r.location_id,
                   l.name AS location_name, r.value, r.refund_amount, r.refund_method, r.reason, r.user_id,
                   u.name AS user_name, r.created_at
            FROM sale_returns r
            JOIN sales s ON s.tenant_id = r.tenant_id AND s.id = r.sale_id
            JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
            JOIN inventory_locations l ON l.tenant_id = r.tenant_id AND l.id = r.location_id
            LEFT JOIN platform_users u ON u.tenant_id = r.tenant_id AND u.id = r.user_id
            """;

    private static ReturnView row(ResultSet rs, List<ReturnLineView> lines) throws SQLException {
        return new ReturnView(rs.getObject("id", UUID.class), rs.getObject("sale_id", UUID.class),
                rs.getString("invoice"), rs.getObject("location_id", UUID.class), rs.getString("location_name"),
                rs.getBigDecimal("value"), rs.getBigDecimal("refund_amount"), rs.getString("refund_method"),
                rs.getString("reason"), rs.getObject("user_id", UUID.class), rs.getString("user_name"),
                rs.getTimestamp("created_at").toInstant(), lines);
    }
}
