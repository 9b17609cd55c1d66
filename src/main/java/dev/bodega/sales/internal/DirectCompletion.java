package dev.bodega.sales.internal;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Ids;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.SaleCompleted;
import dev.bodega.sales.internal.Sales.NewSale;
import dev.bodega.sales.internal.Sales.PaymentRequest;
import dev.bodega.sales.internal.Sales.Priced;
import dev.bodega.sales.internal.Sales.PricedLine;
import dev.bodega.sales.internal.SaleViews.LineView;
import dev.bodega.sales.internal.SaleViews.PaymentView;
import dev.bodega.sales.internal.SaleViews.SaleView;
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

import static dev.bodega.sales.internal.Sales.blankToNull;
import static dev.bodega.sales.internal.Sales.timestamp;

/**
 * A sale completed at once, on a direct path: stock first (levels locked in the engine's order), then one
 * statement that takes the invoice number, inserts the completed sale, its lines (at the cost the stock left
 * at) and its payments, and updates the customer. The same lock order as completing a pending sale in
 * {@link Sales}, fewer round trips, and the series (the most contended lock) held for as short as possible.
 * The answer is built from what was written, byte for byte what {@link SaleQueries#get(UUID)} would read.
 */
@Component
class DirectCompletion {

    private final JdbcClient jdbc;
    private final StockPostings postings;
    private final InvoiceSeriesStore series;
    private final ApplicationEventPublisher events;

    DirectCompletion(JdbcClient jdbc, StockPostings postings, InvoiceSeriesStore series, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.postings = postings;
        this.series = series;
        this.events = events;
    }

    /** Completes {@code sale}, priced, as sale {@code id}, dated {@code at} (null: now). Runs in the caller's transaction. */
    SaleView create(UUID id, NewSale sale, Priced priced, Instant at) {
        String currency = priced.settings().currency();
        BigDecimal total = money(priced.totals().total());
        Payments.Settlement settlement = Payments.settle(total, paymentInputs(sale.payments()), Pricing.decimals(currency));
        List<StockPostings.Line> out = priced.lines().stream()
                .map(l -> StockPostings.Line.out(sale.locationId(), l.item().id(), MovementType.SALE, l.request().quantity()))
                .toList();
        StockPostings.Posted posted = postings.post(new StockPostings.Posting("sale", "sale", id, null, null, out));
        Map<UUID, BigDecimal> costs = new HashMap<>();
        posted.entries().forEach(e -> costs.put(e.itemId(), e.unitCost()));
        List<UUID> lineIds = priced.lines().stream().map(l -> Ids.next()).toList();
        Numbered numbered = insertCompleted(id, sale.seriesId(), sale, priced, lineIds, costs, settlement, at)
                .or(() -> insertCompleted(id, series.forSale(sale.seriesId(), sale.locationId()), sale, priced, lineIds,
                        costs, settlement, at))
                .orElseThrow(() -> Problems.conflict("series-inactive", "The invoice series is no longer active"));
        events.publishEvent(new SaleCompleted(TenantContext.tenantId(), id, sale.locationId(), sale.customerId(),
                TenantContext.userId().orElse(null), numbered.invoice(), total, currency, numbered.completedAt()));
        return completedView(id, sale, priced, lineIds, settlement, numbered);
    }

    /** What the one completing statement returns: the number taken and what the view needs from the database. */
    private record Numbered(UUID seriesId, long number, String invoice, Instant saleDate, Instant createdAt,
                            Instant completedAt, String locationName, String customerName, String sellerName) {
    }

    /**
     * Takes the next number of the named series (null: the location's default), inserts the completed sale
     * with its lines and payments and adds it to the customer's totals (as {@link Customers#recordSale}); empty
     * when that series is not an active one of the location (the caller then resolves the series the slow way,
     * with its problems, or creates the default).
     */
    private Optional<Numbered> insertCompleted(UUID id, UUID seriesId, NewSale sale, Priced priced, List<UUID> lineIds,
                                               Map<UUID, BigDecimal> costs, Payments.Settlement settlement, Instant at) {
        Pricing.Totals t = priced.totals();
        List<PricedLine> lines = priced.lines();
        int n = lines.size();
        String[] ids = new String[n], items = new String[n], names = new String[n], skus = new String[n];
        String[] quantities = new String[n], unitPrices = new String[n], subtotals = new String[n],
                discountPercents = new String[n], discounts = new String[n], saleDiscounts = new String[n],
                taxRates = new String[n], taxes = new String[n], totals = new String[n], unitCosts = new String[n];
        for (int i = 0; i < n; i++) {
            PricedLine line = lines.get(i);
            Pricing.LineAmounts a = line.amounts();
            ids[i] = lineIds.get(i).toString();
            items[i] = line.item().id().toString();
            names[i] = line.item().name();
            skus[i] = line.item().sku();
            quantities[i] = line.request().quantity().toPlainString();
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
        String series = seriesId == null ? "is_default" : "id = :series";
        return jdbc.sql("""
                        WITH n AS (
                            UPDATE invoice_series SET next_number = next_number + 1
                            WHERE %s AND location_id = :location AND active
                            RETURNING id, next_number - 1 AS number, code
                        ), s AS (
                            INSERT INTO sales (tenant_id, id, status, location_id, customer_id, user_id, currency,
                                               prices_include_tax, subtotal, sale_discount, discount, tax, total, notes,
                                               series_id, invoice_number, tendered, change_due, payment_method,
                                               sale_date, created_at, completed_at, version)
                            SELECT :tenant, :id, 'completed', :location, :customer, :user, :currency, :includeTax,
                                   :subtotal, :saleDiscount, :discount, :tax, :total, :notes, n.id, n.number, :tendered,
                                   :change, :method, coalesce(CAST(:at AS timestamptz), now()),
                                   coalesce(CAST(:at AS timestamptz), now()), coalesce(CAST(:at AS timestamptz), now()), 1
                            FROM n
                            RETURNING sale_date, created_at, completed_at
                        ), lines AS (
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
                        ), payments AS (
                            INSERT INTO sale_payments (tenant_id, id, sale_id, position, method, amount, tendered,
                                                       change_due, reference, created_at)
                            SELECT :tenant, p.id, :id, p.position, p.method, p.amount, p.tendered, p.change, p.reference,
                                   s.completed_at
                            FROM s, unnest(CAST(:paymentIds AS uuid[]), CAST(:methods AS text[]),
                                        CAST(:amounts AS numeric[]), CAST(:paymentTendered AS numeric[]),
                                        CAST(:changes AS numeric[]), CAST(:references AS text[]))
                                 WITH ORDINALITY AS p(id, method, amount, tendered, change, reference, position)
                        ), customer AS (
                            UPDATE customers c SET total_purchases = c.total_purchases + :total,
                                   purchase_count = c.purchase_count + 1,
                                   last_purchase_at = greatest(c.last_purchase_at, s.completed_at)
                            FROM s WHERE c.id = :customer
                            RETURNING c.first_name || coalesce(' ' || c.last_name, '') AS name
                        )
                        SELECT n.id AS series_id, n.number, n.code || '-' || lpad(n.number::text, 8, '0') AS invoice,
                               s.sale_date, s.created_at, s.completed_at,
                               (SELECT name FROM inventory_locations WHERE id = :location) AS location_name,
                               (SELECT name FROM customer) AS customer_name,
                               (SELECT name FROM platform_users WHERE id = :user) AS seller_name
                        FROM n, s""".formatted(series))
                .param("series", seriesId).param("location", sale.locationId())
                .param("tenant", TenantContext.tenantId()).param("id", id).param("customer", sale.customerId())
                .param("user", TenantContext.userId().orElse(null)).param("currency", priced.settings().currency())
                .param("includeTax", priced.settings().pricesIncludeTax())
                .param("subtotal", t.subtotal()).param("saleDiscount", t.saleDiscount()).param("discount", t.discount())
                .param("tax", t.tax()).param("total", t.total()).param("notes", blankToNull(sale.notes()))
                .param("tendered", settlement.tendered()).param("change", settlement.change())
                .param("method", settlement.method()).param("at", timestamp(at))
                .param("lineIds", ids).param("items", items).param("names", names).param("skus", skus)
                .param("quantities", quantities).param("unitPrices", unitPrices).param("subtotals", subtotals)
                .param("discountPercents", discountPercents).param("discounts", discounts)
                .param("saleDiscounts", saleDiscounts).param("taxRates", taxRates).param("taxes", taxes)
                .param("totals", totals).param("unitCosts", unitCosts)
                .param("paymentIds", paymentIds).param("methods", methods).param("amounts", amounts)
                .param("paymentTendered", tendered).param("changes", changes).param("references", references)
                .query((rs, row) -> new Numbered(rs.getObject("series_id", UUID.class), rs.getLong("number"),
                        rs.getString("invoice"), rs.getTimestamp("sale_date").toInstant(),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("completed_at").toInstant(),
                        rs.getString("location_name"), rs.getString("customer_name"), rs.getString("seller_name")))
                .optional();
    }

    /** The view {@link SaleQueries#get(UUID)} would read, from what this transaction wrote (scales as the columns keep them). */
    private static SaleView completedView(UUID id, NewSale sale, Priced priced, List<UUID> lineIds,
                                          Payments.Settlement settlement, Numbered numbered) {
        Pricing.Totals t = priced.totals();
        List<LineView> lines = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            PricedLine line = priced.lines().get(i);
            Pricing.LineAmounts a = line.amounts();
            lines.add(new LineView(lineIds.get(i), i + 1, line.item().id(), line.item().sku(), line.item().name(),
                    scaled(line.request().quantity(), 3), money(line.unitPrice()), money(a.subtotal()),
                    money(line.discountPercent()), money(a.discount()), money(a.saleDiscount()), money(line.taxRate()),
                    money(a.tax()), money(a.total()), scaled(BigDecimal.ZERO, 3), money(BigDecimal.ZERO)));
        }
        List<PaymentView> payments = settlement.payments().stream()
                .map(p -> new PaymentView(p.method(), money(p.amount()), money(p.tendered()), money(p.change()),
                        p.reference()))
                .toList();
        return new SaleView(id, "completed", numbered.invoice(), numbered.seriesId(), numbered.number(),
                sale.locationId(), numbered.locationName(), sale.customerId(), numbered.customerName(),
                TenantContext.userId().orElse(null), numbered.sellerName(), priced.settings().currency(),
                priced.settings().pricesIncludeTax(), money(t.subtotal()), money(t.discount()), money(t.saleDiscount()),
                money(t.tax()), money(t.total()), money(settlement.tendered()), money(settlement.change()),
                money(BigDecimal.ZERO), settlement.method(), blankToNull(sale.notes()), numbered.saleDate(),
                numbered.createdAt(), numbered.completedAt(), null, null, null, null, 1L, List.copyOf(lines),
                List.copyOf(payments));
    }

    /** A numeric(…, 2) column's value as the database returns it. */
    private static BigDecimal money(BigDecimal value) {
        return scaled(value, 2);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.HALF_UP);
    }

    private static List<Payments.PaymentInput> paymentInputs(List<PaymentRequest> requested) {
        return requested == null ? List.of()
                : requested.stream().map(p -> new Payments.PaymentInput(p.method(), p.amount(), p.reference())).toList();
    }
}
