package dev.bodega.sales.internal.selling;

import dev.bodega.platform.DatabaseKind;
import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.internal.selling.SaleBatch.Kept;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The group commit's statements: each reads or writes a whole batch at once, its rows passed as arrays
 * ({@code unnest}), so a batch costs the same handful of round trips whatever its size.
 */
@Component
class SaleBatchStatements {

    record Series(UUID id, UUID locationId, boolean active, boolean isDefault) {
    }

    record LockedSeries(UUID id, String code, long nextNumber, boolean active) {
    }

    private final JdbcClient jdbc;
    private final DatabaseKind database;

    SaleBatchStatements(JdbcClient jdbc, DatabaseKind database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /**
     * Every statement of a batch finds its rows by key, whatever the batch's size: left to choose, PostgreSQL planned
     * the batch's statements again on every batch (a custom plan for each array's length; profiled at about 1 ms
     * of planning per statement), where one plan per connection serves them all. Not on Citus, which can send a
     * statement to the node holding its company only when it plans it with the values (a custom plan).
     */
    void preferGenericPlans() {
        if (!database.citus()) {
            jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
        }
    }

    /** The series named, and the default series of the locations, by id (not locked). */
    Map<UUID, Series> series(List<UUID> named, List<UUID> locations) {
        Map<UUID, Series> found = new HashMap<>();
        jdbc.sql("""
                        SELECT id, location_id, active, is_default FROM invoice_series
                        WHERE tenant_id = :tenant AND (id = ANY (CAST(:ids AS uuid[]))
                              OR is_default AND location_id = ANY (CAST(:locations AS uuid[])))""")
                .param("tenant", TenantContext.tenantId()).param("ids", texts(named)).param("locations", texts(locations))
                .query(Series.class).list().forEach(s -> found.put(s.id(), s));
        return found;
    }

    /** Locks the series in id order: the numbers are taken from what this returns. */
    Map<UUID, LockedSeries> lockSeries(List<UUID> ids) {
        Map<UUID, LockedSeries> locked = new HashMap<>();
        jdbc.sql("""
                        SELECT id, code, next_number, active FROM invoice_series
                        WHERE tenant_id = :tenant AND id = ANY (CAST(:ids AS uuid[])) ORDER BY id FOR UPDATE""")
                .param("tenant", TenantContext.tenantId()).param("ids", texts(ids))
                .query(LockedSeries.class).list().forEach(s -> locked.put(s.id(), s));
        return locked;
    }

    /** What the writing statement returns: the moment the sales completed, and the names their answers show. */
    record Written(Instant completedAt, Map<UUID, String> names) {
    }

    /**
     * The whole batch in one statement, locks in a single sale's order after the series (held already): the open
     * cash session of each location (shared, so that its close waits for these sales), the sales completed now with
     * their lines and payments, each series' next number, the customers' totals. Returns the transaction's moment
     * (every sale's) and the names of the locations, sellers and customers by id.
     */
    Written write(List<Kept> kept, Map<UUID, Long> nextNumbers) {
        Columns rows = new Columns();
        kept.forEach(k -> addSale(rows, k));
        nextNumbers.forEach((id, number) -> rows.add("seriesIds", id).add("nextNumbers", number));
        Map<UUID, String> names = new HashMap<>();
        Instant[] completedAt = new Instant[1];
        rows.statement(jdbc, """
                        WITH cash AS (
                            SELECT location_id, id FROM cash_sessions
                            WHERE tenant_id = :tenant AND location_id = ANY (:saleLocations) AND status = 'open'
                            ORDER BY id FOR SHARE
                        ), sale AS (
                            INSERT INTO sales (tenant_id, id, status, location_id, customer_id, user_id, currency,
                                               prices_include_tax, subtotal, sale_discount, discount, tax, total, notes,
                                               series_id, invoice_number, tendered, change_due, payment_method,
                                               sale_date, created_at, completed_at, version, cash_session_id)
                            SELECT :tenant, s.id, 'completed', s.location_id, s.customer_id, s.user_id, s.currency,
                                   s.include_tax, s.subtotal, s.sale_discount, s.discount, s.tax, s.total, s.notes,
                                   s.series_id, s.number, s.tendered, s.change_due, s.method, now(), now(), now(), 1,
                                   c.id
                            FROM unnest(:saleIds, :saleLocations, :saleCustomers, :saleUsers, :currencies, :includeTax,
                                        :saleSubtotals, :saleDiscounts, :discounts, :saleTaxes, :saleTotals, :notes,
                                        :saleSeries, :numbers, :saleTendered, :saleChanges, :saleMethods)
                                 AS s(id, location_id, customer_id, user_id, currency, include_tax, subtotal,
                                      sale_discount, discount, tax, total, notes, series_id, number, tendered,
                                      change_due, method)
                            LEFT JOIN cash c ON c.location_id = s.location_id
                            RETURNING id
                        ), line AS (
                            INSERT INTO sale_lines (tenant_id, id, sale_id, position, item_id, item_name, item_sku,
                                                    quantity, unit_price, subtotal, discount_percent, discount,
                                                    sale_discount, tax_rate, tax, total, unit_cost)
                            SELECT :tenant, l.* FROM unnest(:lineIds, :lineSales, :linePositions, :lineItems, :lineNames,
                                                            :lineSkus, :lineQuantities, :lineUnitPrices, :lineSubtotals,
                                                            :lineDiscountPercents, :lineDiscounts, :lineSaleDiscounts,
                                                            :lineTaxRates, :lineTaxes, :lineTotals, :lineUnitCosts) AS l
                            RETURNING id
                        ), payment AS (
                            INSERT INTO sale_payments (tenant_id, id, sale_id, position, method, amount, tendered,
                                                       change_due, reference, created_at)
                            SELECT :tenant, p.*, now() FROM unnest(:paymentIds, :paymentSales, :paymentPositions,
                                                                   :paymentMethods, :paymentAmounts, :paymentTendered,
                                                                   :paymentChanges, :paymentReferences) AS p
                            RETURNING id
                        ), series AS (
                            UPDATE invoice_series s SET next_number = n.number
                            FROM unnest(:seriesIds, :nextNumbers) AS n(id, number)
                            WHERE s.tenant_id = :tenant AND s.id = n.id AND s.next_number <> n.number
                        ), customer AS (
                            UPDATE customers c SET total_purchases = c.total_purchases + a.total,
                                   purchase_count = c.purchase_count + a.count,
                                   last_purchase_at = greatest(c.last_purchase_at, now())
                            FROM (SELECT customer, sum(total) AS total, count(*) AS count
                                  FROM unnest(:saleCustomers, :saleTotals) AS s(customer, total)
                                  WHERE customer IS NOT NULL GROUP BY customer) a
                            WHERE c.tenant_id = :tenant AND c.id = a.customer
                            RETURNING c.id, c.first_name || coalesce(' ' || c.last_name, '') AS name
                        )
                        SELECT NULL AS id, NULL AS name, now() AS completed_at
                        UNION ALL SELECT id, name, NULL FROM customer
                        UNION ALL SELECT id, name, NULL FROM inventory_locations
                                  WHERE tenant_id = :tenant AND id = ANY (:saleLocations)
                        UNION ALL SELECT id, name, NULL FROM platform_users
                                  WHERE tenant_id = :tenant AND id = ANY (:saleUsers)""",
                        "saleIds", "uuid", "saleLocations", "uuid", "saleCustomers", "uuid", "saleUsers", "uuid",
                        "currencies", "text", "includeTax", "boolean", "saleSubtotals", "numeric",
                        "saleDiscounts", "numeric", "discounts", "numeric", "saleTaxes", "numeric",
                        "saleTotals", "numeric", "notes", "text", "saleSeries", "uuid", "numbers", "bigint",
                        "saleTendered", "numeric", "saleChanges", "numeric", "saleMethods", "text",
                        "lineIds", "uuid", "lineSales", "uuid", "linePositions", "integer", "lineItems", "uuid",
                        "lineNames", "text", "lineSkus", "text", "lineQuantities", "numeric",
                        "lineUnitPrices", "numeric", "lineSubtotals", "numeric", "lineDiscountPercents", "numeric",
                        "lineDiscounts", "numeric", "lineSaleDiscounts", "numeric", "lineTaxRates", "numeric",
                        "lineTaxes", "numeric", "lineTotals", "numeric", "lineUnitCosts", "numeric",
                        "paymentIds", "uuid", "paymentSales", "uuid", "paymentPositions", "integer",
                        "paymentMethods", "text", "paymentAmounts", "numeric", "paymentTendered", "numeric",
                        "paymentChanges", "numeric", "paymentReferences", "text",
                        "seriesIds", "uuid", "nextNumbers", "bigint")
                .param("tenant", TenantContext.tenantId())
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("completed_at");
                    if (at != null) {
                        completedAt[0] = at.toInstant();
                    } else {
                        names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                    }
                    return n;
                }).list();
        return new Written(completedAt[0], names);
    }

    /** A sale's row, its lines (with the cost their stock left at) and its payments, as array elements. */
    private static void addSale(Columns rows, Kept k) {
        SaleCompletion.Direct sale = k.order().sale();
        Pricing.Totals t = sale.priced().totals();
        Payments.Settlement paid = k.order().settlement();
        rows.add("saleIds", sale.id()).add("saleLocations", sale.locationId()).add("saleCustomers", sale.customerId())
                .add("saleUsers", k.order().sellerId()).add("currencies", sale.priced().settings().currency())
                .add("includeTax", sale.priced().settings().pricesIncludeTax())
                .add("saleSubtotals", t.subtotal()).add("saleDiscounts", t.saleDiscount()).add("discounts", t.discount())
                .add("saleTaxes", t.tax()).add("saleTotals", k.order().total()).add("notes", sale.notes())
                .add("saleSeries", k.seriesId()).add("numbers", k.number()).add("saleTendered", paid.tendered())
                .add("saleChanges", paid.change()).add("saleMethods", paid.method());
        List<Priced.Line> lines = sale.priced().lines();
        for (int i = 0; i < lines.size(); i++) {
            Priced.Line line = lines.get(i);
            Pricing.LineAmounts a = line.amounts();
            rows.add("lineIds", k.lineIds().get(i)).add("lineSales", sale.id()).add("linePositions", i + 1)
                    .add("lineItems", line.item().id()).add("lineNames", line.item().name())
                    .add("lineSkus", line.item().sku()).add("lineQuantities", line.quantity())
                    .add("lineUnitPrices", line.unitPrice()).add("lineSubtotals", a.subtotal())
                    .add("lineDiscountPercents", line.discountPercent()).add("lineDiscounts", a.discount())
                    .add("lineSaleDiscounts", a.saleDiscount()).add("lineTaxRates", line.taxRate())
                    .add("lineTaxes", a.tax()).add("lineTotals", a.total())
                    .add("lineUnitCosts", k.costs().get(line.item().id()));
        }
        List<Payments.Payment> payments = paid.payments();
        for (int i = 0; i < payments.size(); i++) {
            Payments.Payment p = payments.get(i);
            rows.add("paymentIds", Ids.next()).add("paymentSales", sale.id()).add("paymentPositions", i + 1)
                    .add("paymentMethods", p.method()).add("paymentAmounts", p.amount())
                    .add("paymentTendered", p.tendered()).add("paymentChanges", p.change())
                    .add("paymentReferences", p.reference());
        }
    }

    private static String[] texts(Collection<?> values) {
        return values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** Array parameters, one per column; {@link #bind} casts each {@code :name} to its array type. */
    private static final class Columns {

        /** The cast statements by their text, written once: 44 regular expressions over the statement cost a batch ~1 ms. */
        private static final Map<String, String> CAST = new ConcurrentHashMap<>();

        private final Map<String, List<String>> values = new LinkedHashMap<>();

        Columns add(String column, Object value) {
            values.computeIfAbsent(column, c -> new ArrayList<>()).add(value == null ? null
                    : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
            return this;
        }

        /** The statement with each {@code :column} cast to {@code type[]} (column, type pairs) and bound. */
        JdbcClient.StatementSpec statement(JdbcClient jdbc, String sql, String... columnTypes) {
            JdbcClient.StatementSpec statement = jdbc.sql(CAST.computeIfAbsent(sql, s -> cast(s, columnTypes)));
            for (int i = 0; i < columnTypes.length; i += 2) {
                statement = statement.param(columnTypes[i],
                        values.getOrDefault(columnTypes[i], List.of()).toArray(String[]::new));
            }
            return statement;
        }

        private static String cast(String sql, String... columnTypes) {
            for (int i = 0; i < columnTypes.length; i += 2) {
                sql = sql.replaceAll(":" + columnTypes[i] + "\\b",
                        "CAST(:" + columnTypes[i] + " AS " + columnTypes[i + 1] + "[])");
            }
            return sql;
        }
    }
}
