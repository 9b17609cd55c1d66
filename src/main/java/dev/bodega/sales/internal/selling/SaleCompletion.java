package dev.bodega.sales.internal.selling;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Money;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.SaleCompleted;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.invoicing.InvoiceSeriesStore;
import dev.bodega.sales.internal.selling.SaleViews.LineView;
import dev.bodega.sales.internal.selling.SaleViews.PaymentView;
import dev.bodega.sales.internal.selling.SaleViews.SaleView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.bodega.sales.internal.selling.Values.timestamp;

/**
 * The one way a sale becomes completed, whether new (no row yet) or pending (its row locked by the caller):
 * the payments settled, the stock issued through the ledger (levels locked in the engine's order), then one
 * statement that takes the invoice number, stores the sale completed with its payments and the cost its stock
 * left at, and adds it to the customer's totals; then {@link SaleCompleted}. The lock order is the same on both
 * ways, (the sale row,) the stock levels, the series, the customer, and the series, the most contended lock, is
 * held for as short as possible. A new sale is inserted completed, lines and all, by that statement (the till's
 * fast path); its answer is built from what was written, byte for byte what {@link SaleQueries#get(UUID)} would read.
 */
@Component
class SaleCompletion {

    /** A new sale, priced, completed at once. */
    record Direct(UUID id, UUID locationId, UUID customerId, UUID seriesId, String notes,
                  List<Payments.PaymentInput> payments, Priced priced) {
    }

    /** A sale on its way to completed: {@code status} is null for a new one. */
    private record Subject(UUID id, String status, UUID locationId, UUID customerId, UUID sellerId, String currency,
                           BigDecimal total, UUID seriesId, List<Payments.PaymentInput> payments) {
    }

    /** A way's part of the completing statement, run against one series (null: the location's default). */
    private interface Store {
        Optional<Numbered> into(UUID seriesId, Payments.Settlement settlement, Map<UUID, BigDecimal> costs);
    }

    /** What the one completing statement returns: the number taken and what the view needs from the database. */
    record Numbered(UUID seriesId, long number, String invoice, Instant saleDate, Instant createdAt,
                            Instant completedAt, String locationName, String customerName, String sellerName) {
    }

    private record Completed(Payments.Settlement settlement, Numbered numbered) {
    }

    /** The cash session open at the location (null: none), locked shared so that its close waits for this sale. */
    private static final String OPEN_CASH_SESSION = "(SELECT id FROM cash_sessions WHERE tenant_id = :tenant"
            + " AND location_id = :location AND status = 'open' FOR SHARE)";

    private final JdbcClient jdbc;
    private final StockPostings postings;
    private final InvoiceSeriesStore series;
    private final ApplicationEventPublisher events;

    SaleCompletion(JdbcClient jdbc, StockPostings postings, InvoiceSeriesStore series, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.postings = postings;
        this.series = series;
        this.events = events;
    }

    /** Completes a new sale, dated {@code at} (null: now). Runs in the caller's transaction. */
    SaleView complete(Direct sale, Instant at) {
        Priced priced = sale.priced();
        Subject subject = new Subject(sale.id(), null, sale.locationId(), sale.customerId(),
                TenantContext.userId().orElse(null), priced.settings().currency(), money(priced.totals().total()),
                sale.seriesId(), sale.payments());
        List<UUID> lineIds = priced.lines().stream().map(l -> Ids.next()).toList();
        Completed completed = toCompleted(subject, () -> issue(sale),
                (seriesId, settlement, costs) -> insertCompleted(subject, seriesId, sale, lineIds, costs, settlement, at));
        return completedView(sale, TenantContext.userId().orElse(null), lineIds, completed.settlement(),
                completed.numbered());
    }

    /** Completes a pending sale whose row the caller locked, dated {@code at} (null: now). */
    void complete(LockedSale sale, UUID seriesId, List<Payments.PaymentInput> payments, Instant at) {
        Subject subject = new Subject(sale.id(), sale.status(), sale.locationId(), sale.customerId(), sale.sellerId(),
                sale.currency(), sale.total(), seriesId, payments);
        toCompleted(subject, () -> issue(sale),
                (used, settlement, costs) -> updateCompleted(subject, used, costs, settlement, at));
    }

    /**
     * The transition, the same for both ways: from new or pending only; settled, issued, numbered and stored,
     * then announced.
     */
    private Completed toCompleted(Subject sale, Supplier<List<StockPostings.Line>> issue, Store store) {
        if (sale.status() != null && !sale.status().equals("pending")) {
            throw Problems.of(SalesProblem.SALE_NOT_PENDING,
                    "Only a pending sale can be completed; this one is " + sale.status());
        }
        Payments.Settlement settlement = settle(sale.total(), sale.payments(), sale.currency());
        StockPostings.Posted posted = postings.post(new StockPostings.Posting("sale", "sale", sale.id(), null, null,
                issue.get()));
        Map<UUID, BigDecimal> costs = new HashMap<>();
        posted.entries().forEach(e -> costs.put(e.itemId(), e.unitCost()));
        Numbered numbered = store.into(sale.seriesId(), settlement, costs)
                .or(() -> store.into(series.forSale(sale.seriesId(), sale.locationId()), settlement, costs))
                .orElseThrow(() -> Problems.of(SalesProblem.SERIES_INACTIVE, "The invoice series is no longer active"));
        events.publishEvent(new SaleCompleted(TenantContext.tenantId(), sale.id(), sale.locationId(), sale.customerId(),
                sale.sellerId(), numbered.invoice(), sale.total(), sale.currency(), numbered.completedAt()));
        return new Completed(settlement, numbered);
    }

    /** The payments of a new sale, settled against its total (what its answer shows). */
    static Payments.Settlement settle(Direct sale) {
        return settle(money(sale.priced().totals().total()), sale.payments(), sale.priced().settings().currency());
    }

    private static Payments.Settlement settle(BigDecimal total, List<Payments.PaymentInput> payments, String currency) {
        return Payments.settle(total, payments, Money.decimals(currency));
    }

    /** The stock a new sale issues, line by line. */
    static List<StockPostings.Line> issue(Direct sale) {
        return sale.priced().lines().stream()
                .map(l -> StockPostings.Line.out(sale.locationId(), l.item().id(), MovementType.SALE, l.quantity()))
                .toList();
    }

    private List<StockPostings.Line> issue(LockedSale sale) {
        return jdbc.sql("SELECT item_id, quantity FROM sale_lines WHERE sale_id = :id ORDER BY position")
                .param("id", sale.id())
                .query((rs, n) -> StockPostings.Line.out(sale.locationId(), rs.getObject("item_id", UUID.class),
                        MovementType.SALE, rs.getBigDecimal("quantity")))
                .list();
    }

    /**
     * The completing statement, around a way's own two steps: {@code s}, the sale stored completed (returning its
     * dates), and {@code lines}, its lines with the cost the stock left at. First the number of the named series
     * (null: the location's default), then the sale, its lines and payments, and the customer's totals; nothing
     * is written when that series is not an active one of the location (the caller then resolves the series the
     * slow way, with its problems, or creates the default).
     */
    private static String statement(UUID seriesId, String sale, String lines) {
        return """
                WITH n AS (
                    UPDATE invoice_series SET next_number = next_number + 1
                    WHERE tenant_id = :tenant AND %s AND location_id = :location AND active
                    RETURNING id, next_number - 1 AS number, code
                ), s AS (
                %s
                ), lines AS (
                %s
                ), payments AS (
                    INSERT INTO sale_payments (tenant_id, id, sale_id, position, method, amount, tendered,
                                               change_due, reference, created_at)
                    SELECT :tenant, p.id, :id, p.position, p.method, p.amount, p.tendered, p.change, p.reference,
                           s.completed_at
                    FROM s, unnest(CAST(:paymentIds AS uuid[]), CAST(:methods AS text[]),
                                CAST(:amounts AS numeric[]), CAST(:paymentTendered AS numeric[]),
                                CAST(:changes AS numeric[]), CAST(:references AS text[]))
                         WITH ORDINALITY AS p(id, method, amount, tendered, change, reference, position)
                    RETURNING id
                ), customer AS (
                    UPDATE customers c SET total_purchases = c.total_purchases + :total,
                           purchase_count = c.purchase_count + 1,
                           last_purchase_at = greatest(c.last_purchase_at, s.completed_at)
                    FROM s WHERE c.tenant_id = :tenant AND c.id = :customer
                    RETURNING c.first_name || coalesce(' ' || c.last_name, '') AS name
                )
                SELECT n.id AS series_id, n.number, n.code || '-' || lpad(n.number::text, 8, '0') AS invoice,
                       s.sale_date, s.created_at, s.completed_at,
                       (SELECT name FROM inventory_locations WHERE tenant_id = :tenant AND id = :location)
                           AS location_name,
                       (SELECT name FROM customer) AS customer_name,
                       (SELECT name FROM platform_users WHERE tenant_id = :tenant AND id = :user) AS seller_name
                FROM n, s""".formatted(seriesId == null ? "is_default" : "id = :series", sale, lines);
    }

    /** A new sale inserted completed, with its lines. */
    private Optional<Numbered> insertCompleted(Subject subject, UUID seriesId, Direct sale, List<UUID> lineIds,
                                               Map<UUID, BigDecimal> costs, Payments.Settlement settlement, Instant at) {
        Priced priced = sale.priced();
        Pricing.Totals t = priced.totals();
        List<Priced.Line> lines = priced.lines();
        int n = lines.size();
        String[] ids = new String[n], items = new String[n], names = new String[n], skus = new String[n];
        String[] quantities = new String[n], unitPrices = new String[n], subtotals = new String[n],
                discountPercents = new String[n], discounts = new String[n], saleDiscounts = new String[n],
                taxRates = new String[n], taxes = new String[n], totals = new String[n], unitCosts = new String[n];
        for (int i = 0; i < n; i++) {
            Priced.Line line = lines.get(i);
            Pricing.LineAmounts a = line.amounts();
            ids[i] = lineIds.get(i).toString();
            items[i] = line.item().id().toString();
            names[i] = line.item().name();
            skus[i] = line.item().sku();
            quantities[i] = line.quantity().toPlainString();
            unitPrices[i] = line.unitPrice().toPlainString();
            subtotals[i] = a.subtotal().toPlainString();
            discountPercents[i] = line.discountPercent().toPlainString();
            discounts[i] = a.discount().toPlainString();
            saleDiscounts[i] = a.saleDiscount().toPlainString();
            taxRates[i] = line.taxRate().toPlainString();
            taxes[i] = a.tax().toPlainString();
            totals[i] = a.total().toPlainString();
            BigDecimal cost = costs.get(line.item().id());
            unitCosts[i] = cost == null ? null : cost.toPlainString();
        }
        String sql = statement(seriesId, """
                    INSERT INTO sales (tenant_id, id, status, location_id, customer_id, user_id, currency,
                                       prices_include_tax, subtotal, sale_discount, discount, tax, total, notes,
                                       series_id, invoice_number, tendered, change_due, payment_method,
                                       sale_date, created_at, completed_at, version, cash_session_id)
                    SELECT :tenant, :id, 'completed', :location, :customer, :user, :currency, :includeTax,
                           :subtotal, :saleDiscount, :discount, :tax, :total, :notes, n.id, n.number, :tendered,
                           :change, :method, coalesce(CAST(:at AS timestamptz), now()),
                           coalesce(CAST(:at AS timestamptz), now()), coalesce(CAST(:at AS timestamptz), now()), 1,
                           %s
                    FROM n
                    RETURNING sale_date, created_at, completed_at""".formatted(OPEN_CASH_SESSION), """
                    INSERT INTO sale_lines (tenant_id, id, sale_id, position, item_id, item_name, item_sku,
                                            quantity, unit_price, subtotal, discount_percent, discount,
                                            sale_discount, tax_rate, tax, total, unit_cost)
                    SELECT :tenant, l.id, :id, l.position, l.item_id, l.name, l.sku, l.quantity, l.unit_price,
                           l.subtotal, l.discount_percent, l.discount, l.sale_discount, l.tax_rate, l.tax,
                           l.total, l.unit_cost
                    FROM s, unnest(CAST(:lineIds AS uuid[]), CAST(:items AS uuid[]), CAST(:names AS text[]),
                                CAST(:skus AS text[]), CAST(:quantities AS numeric[]),
                                CAST(:unitPrices AS numeric[]), CAST(:subtotals AS numeric[]),
                                CAST(:discountPercents AS numeric[]), CAST(:discounts AS numeric[]),
                                CAST(:saleDiscounts AS numeric[]), CAST(:taxRates AS numeric[]),
                                CAST(:taxes AS numeric[]), CAST(:totals AS numeric[]),
                                CAST(:unitCosts AS numeric[]))
                         WITH ORDINALITY AS l(id, item_id, name, sku, quantity, unit_price, subtotal,
                                              discount_percent, discount, sale_discount, tax_rate, tax, total,
                                              unit_cost, position)
                    RETURNING id""");
        return run(jdbc.sql(sql)
                .param("currency", priced.settings().currency())
                .param("includeTax", priced.settings().pricesIncludeTax())
                .param("subtotal", t.subtotal()).param("saleDiscount", t.saleDiscount()).param("discount", t.discount())
                .param("tax", t.tax()).param("notes", sale.notes())
                .param("lineIds", ids).param("items", items).param("names", names).param("skus", skus)
                .param("quantities", quantities).param("unitPrices", unitPrices).param("subtotals", subtotals)
                .param("discountPercents", discountPercents).param("discounts", discounts)
                .param("saleDiscounts", saleDiscounts).param("taxRates", taxRates).param("taxes", taxes)
                .param("totals", totals).param("unitCosts", unitCosts), subject, seriesId, settlement, at);
    }

    /** A pending sale updated to completed; its lines take the cost the stock left at. */
    private Optional<Numbered> updateCompleted(Subject subject, UUID seriesId, Map<UUID, BigDecimal> costs,
                                               Payments.Settlement settlement, Instant at) {
        String[] items = costs.keySet().stream().map(UUID::toString).toArray(String[]::new);
        String[] values = costs.keySet().stream().map(k -> costs.get(k).toPlainString()).toArray(String[]::new);
        String sql = statement(seriesId, """
                    UPDATE sales SET status = 'completed', series_id = n.id, invoice_number = n.number,
                           completed_at = coalesce(CAST(:at AS timestamptz), now()),
                           sale_date = coalesce(CAST(:at AS timestamptz), now()), tendered = :tendered,
                           change_due = :change, payment_method = :method, version = sales.version + 1,
                           updated_at = now(), cash_session_id = %s
                    FROM n WHERE sales.tenant_id = :tenant AND sales.id = :id
                    RETURNING sales.sale_date, sales.created_at, sales.completed_at""".formatted(OPEN_CASH_SESSION), """
                    UPDATE sale_lines sl SET unit_cost = c.cost
                    FROM s, unnest(CAST(:costItems AS uuid[]), CAST(:costs AS numeric[])) AS c(item_id, cost)
                    WHERE sl.tenant_id = :tenant AND sl.sale_id = :id AND sl.item_id = c.item_id""");
        return run(jdbc.sql(sql).param("costItems", items).param("costs", values), subject, seriesId, settlement, at);
    }

    /** Binds what both statements share (the sale, its number, payments and customer) and runs it. */
    private static Optional<Numbered> run(JdbcClient.StatementSpec statement, Subject sale, UUID seriesId,
                                          Payments.Settlement settlement, Instant at) {
        List<Payments.Payment> payments = settlement.payments();
        int m = payments.size();
        String[] paymentIds = new String[m], methods = new String[m], amounts = new String[m], tendered = new String[m],
                changes = new String[m], references = new String[m];
        for (int i = 0; i < m; i++) {
            Payments.Payment p = payments.get(i);
            paymentIds[i] = Ids.next().toString();
            methods[i] = p.method();
            amounts[i] = p.amount().toPlainString();
            tendered[i] = p.tendered().toPlainString();
            changes[i] = p.change().toPlainString();
            references[i] = p.reference();
        }
        return statement
                .param("series", seriesId).param("location", sale.locationId())
                .param("tenant", TenantContext.tenantId()).param("id", sale.id()).param("customer", sale.customerId())
                .param("user", sale.sellerId()).param("total", sale.total())
                .param("tendered", settlement.tendered()).param("change", settlement.change())
                .param("method", settlement.method()).param("at", timestamp(at))
                .param("paymentIds", paymentIds).param("methods", methods).param("amounts", amounts)
                .param("paymentTendered", tendered).param("changes", changes).param("references", references)
                .query((rs, row) -> new Numbered(rs.getObject("series_id", UUID.class), rs.getLong("number"),
                        rs.getString("invoice"), rs.getTimestamp("sale_date").toInstant(),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("completed_at").toInstant(),
                        rs.getString("location_name"), rs.getString("customer_name"), rs.getString("seller_name")))
                .optional();
    }

    /** The view {@link SaleQueries#get(UUID)} would read, from what this transaction wrote (scales as the columns keep them). */
    static SaleView completedView(Direct sale, UUID sellerId, List<UUID> lineIds, Payments.Settlement settlement,
                                  Numbered numbered) {
        Priced priced = sale.priced();
        Pricing.Totals t = priced.totals();
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            Priced.Line line = priced.lines().get(i);
            Pricing.LineAmounts a = line.amounts();
            lines.add(new LineView(lineIds.get(i), i + 1, line.item().id(), line.item().sku(), line.item().name(),
                    scaled(line.quantity(), 3), money(line.unitPrice()), money(a.subtotal()),
                    money(line.discountPercent()), money(a.discount()), money(a.saleDiscount()), money(line.taxRate()),
                    money(a.tax()), money(a.total()), scaled(BigDecimal.ZERO, 3), money(BigDecimal.ZERO)));
        }
        List<PaymentView> payments = settlement.payments().stream()
                .map(p -> new PaymentView(p.method(), money(p.amount()), money(p.tendered()), money(p.change()),
                        p.reference()))
                .toList();
        return new SaleView(sale.id(), "completed", numbered.invoice(), numbered.seriesId(), numbered.number(),
                sale.locationId(), numbered.locationName(), sale.customerId(), numbered.customerName(),
                sellerId, numbered.sellerName(), priced.settings().currency(),
                priced.settings().pricesIncludeTax(), money(t.subtotal()), money(t.discount()), money(t.saleDiscount()),
                money(t.tax()), money(t.total()), money(settlement.tendered()), money(settlement.change()),
                money(BigDecimal.ZERO), settlement.method(), sale.notes(), numbered.saleDate(),
                numbered.createdAt(), numbered.completedAt(), null, null, null, null, 1L, List.copyOf(lines),
                List.copyOf(payments));
    }

    /** A numeric(…, 2) column's value as the database returns it. */
    static BigDecimal money(BigDecimal value) {
        return scaled(value, 2);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.HALF_UP);
    }
}
