package dev.bodega.sales.internal.selling;

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

    SaleBatchStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Each series' next number after the batch. */
    void advanceSeries(Map<UUID, Long> next) {
        Columns rows = new Columns();
        next.forEach((id, number) -> rows.add("ids", id).add("numbers", number));
        rows.statement(jdbc, """
                        UPDATE invoice_series s SET next_number = n.number
                        FROM unnest(:ids, :numbers) AS n(id, number)
                        WHERE s.tenant_id = :tenant AND s.id = n.id AND s.next_number <> n.number""",
                "ids", "uuid", "numbers", "bigint")
                .param("tenant", TenantContext.tenantId()).update();
    }

    /** The cash session open at each location, locked shared so that its close waits for these sales. */
    Map<UUID, UUID> openCashSessions(List<UUID> locations) {
        Map<UUID, UUID> open = new HashMap<>();
        jdbc.sql("""
                        SELECT location_id, id FROM cash_sessions
                        WHERE tenant_id = :tenant AND location_id = ANY (CAST(:locations AS uuid[])) AND status = 'open'
                        ORDER BY id FOR SHARE""")
                .param("tenant", TenantContext.tenantId()).param("locations", texts(locations))
                .query((rs, n) -> open.put(rs.getObject("location_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
        return open;
    }

    /** The sales, completed now; returns that moment (the transaction's, the same for every sale of the batch). */
    Instant insertSales(List<Kept> kept) {
        Columns rows = new Columns();
        for (Kept k : kept) {
            SaleCompletion.Direct sale = k.order().sale();
            Pricing.Totals t = sale.priced().totals();
            Payments.Settlement paid = k.order().settlement();
            rows.add("ids", sale.id()).add("locations", sale.locationId()).add("customers", sale.customerId())
                    .add("users", k.order().sellerId()).add("currencies", sale.priced().settings().currency())
                    .add("includeTax", sale.priced().settings().pricesIncludeTax())
                    .add("subtotals", t.subtotal()).add("saleDiscounts", t.saleDiscount()).add("discounts", t.discount())
                    .add("taxes", t.tax()).add("totals", k.order().total()).add("notes", sale.notes())
                    .add("series", k.seriesId()).add("numbers", k.number()).add("tendered", paid.tendered())
                    .add("changes", paid.change()).add("methods", paid.method()).add("cashSessions", k.cashSessionId());
        }
        return rows.statement(jdbc, """
                        INSERT INTO sales (tenant_id, id, status, location_id, customer_id, user_id, currency,
                                           prices_include_tax, subtotal, sale_discount, discount, tax, total, notes,
                                           series_id, invoice_number, tendered, change_due, payment_method,
                                           sale_date, created_at, completed_at, version, cash_session_id)
                        SELECT :tenant, s.id, 'completed', s.location_id, s.customer_id, s.user_id, s.currency,
                               s.include_tax, s.subtotal, s.sale_discount, s.discount, s.tax, s.total, s.notes,
                               s.series_id, s.number, s.tendered, s.change_due, s.method, now(), now(), now(), 1,
                               s.cash_session_id
                        FROM unnest(:ids, :locations, :customers, :users, :currencies, :includeTax, :subtotals,
                                    :saleDiscounts, :discounts, :taxes, :totals, :notes, :series, :numbers, :tendered,
                                    :changes, :methods, :cashSessions)
                             AS s(id, location_id, customer_id, user_id, currency, include_tax, subtotal,
                                  sale_discount, discount, tax, total, notes, series_id, number, tendered, change_due,
                                  method, cash_session_id)
                        RETURNING completed_at""",
                        "ids", "uuid", "locations", "uuid", "customers", "uuid", "users", "uuid", "currencies", "text",
                        "includeTax", "boolean", "subtotals", "numeric", "saleDiscounts", "numeric",
                        "discounts", "numeric", "taxes", "numeric", "totals", "numeric", "notes", "text",
                        "series", "uuid", "numbers", "bigint", "tendered", "numeric", "changes", "numeric",
                        "methods", "text", "cashSessions", "uuid")
                .param("tenant", TenantContext.tenantId())
                .query((rs, n) -> rs.getTimestamp("completed_at")).list().stream().findFirst()
                .map(Timestamp::toInstant).orElseThrow();
    }

    /** Every line of every sale, with the cost its stock left at. */
    void insertLines(List<Kept> kept) {
        Columns rows = new Columns();
        for (Kept k : kept) {
            List<Priced.Line> lines = k.order().sale().priced().lines();
            for (int i = 0; i < lines.size(); i++) {
                Priced.Line line = lines.get(i);
                Pricing.LineAmounts a = line.amounts();
                rows.add("ids", k.lineIds().get(i)).add("sales", k.order().sale().id()).add("positions", i + 1)
                        .add("items", line.item().id()).add("names", line.item().name()).add("skus", line.item().sku())
                        .add("quantities", line.quantity()).add("unitPrices", line.unitPrice())
                        .add("subtotals", a.subtotal()).add("discountPercents", line.discountPercent())
                        .add("discounts", a.discount()).add("saleDiscounts", a.saleDiscount())
                        .add("taxRates", line.taxRate()).add("taxes", a.tax()).add("totals", a.total())
                        .add("unitCosts", k.costs().get(line.item().id()));
            }
        }
        rows.statement(jdbc, """
                        INSERT INTO sale_lines (tenant_id, id, sale_id, position, item_id, item_name, item_sku,
                                                quantity, unit_price, subtotal, discount_percent, discount,
                                                sale_discount, tax_rate, tax, total, unit_cost)
                        SELECT :tenant, l.* FROM unnest(:ids, :sales, :positions, :items, :names, :skus, :quantities,
                                                        :unitPrices, :subtotals, :discountPercents, :discounts,
                                                        :saleDiscounts, :taxRates, :taxes, :totals, :unitCosts) AS l""",
                        "ids", "uuid", "sales", "uuid", "positions", "integer", "items", "uuid", "names", "text",
                        "skus", "text", "quantities", "numeric", "unitPrices", "numeric", "subtotals", "numeric",
                        "discountPercents", "numeric", "discounts", "numeric", "saleDiscounts", "numeric",
                        "taxRates", "numeric", "taxes", "numeric", "totals", "numeric", "unitCosts", "numeric")
                .param("tenant", TenantContext.tenantId()).update();
    }

    /** Every payment of every sale, dated when its sale completed. */
    void insertPayments(List<Kept> kept) {
        Columns rows = new Columns();
        for (Kept k : kept) {
            List<Payments.Payment> payments = k.order().settlement().payments();
            for (int i = 0; i < payments.size(); i++) {
                Payments.Payment p = payments.get(i);
                rows.add("ids", Ids.next()).add("sales", k.order().sale().id())
                        .add("positions", i + 1).add("methods", p.method()).add("amounts", p.amount())
                        .add("tendered", p.tendered()).add("changes", p.change()).add("references", p.reference());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        rows.statement(jdbc, """
                        INSERT INTO sale_payments (tenant_id, id, sale_id, position, method, amount, tendered,
                                                   change_due, reference, created_at)
                        SELECT :tenant, p.*, now() FROM unnest(:ids, :sales, :positions, :methods, :amounts,
                                                               :tendered, :changes, :references) AS p""",
                        "ids", "uuid", "sales", "uuid", "positions", "integer", "methods", "text", "amounts", "numeric",
                        "tendered", "numeric", "changes", "numeric", "references", "text")
                .param("tenant", TenantContext.tenantId()).update();
    }

    /** Adds the sales to their customers' totals; returns the customers' names by id. */
    Map<UUID, String> addToCustomers(List<Kept> kept) {
        Columns rows = new Columns();
        kept.stream().filter(k -> k.order().sale().customerId() != null).forEach(k ->
                rows.add("customers", k.order().sale().customerId()).add("totals", k.order().total()));
        Map<UUID, String> names = new HashMap<>();
        if (rows.isEmpty()) {
            return names;
        }
        rows.statement(jdbc, """
                        UPDATE customers c SET total_purchases = c.total_purchases + a.total,
                               purchase_count = c.purchase_count + a.count,
                               last_purchase_at = greatest(c.last_purchase_at, now())
                        FROM (SELECT customer, sum(total) AS total, count(*) AS count
                              FROM unnest(:customers, :totals) AS s(customer, total) GROUP BY customer) a
                        WHERE c.tenant_id = :tenant AND c.id = a.customer
                        RETURNING c.id, c.first_name || coalesce(' ' || c.last_name, '') AS name""",
                        "customers", "uuid", "totals", "numeric")
                .param("tenant", TenantContext.tenantId())
                .query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        return names;
    }

    /** The names of the locations and the sellers, by id, as a sale's answer shows them. */
    Map<UUID, String> names(List<UUID> locations, List<UUID> users) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("""
                        SELECT id, name FROM inventory_locations WHERE id = ANY (CAST(:locations AS uuid[]))
                        UNION ALL
                        SELECT id, name FROM platform_users WHERE id = ANY (CAST(:users AS uuid[]))""")
                .param("locations", texts(locations)).param("users", texts(users))
                .query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        return names;
    }

    private static String[] texts(Collection<?> values) {
        return values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    /** Array parameters, one per column; {@link #bind} casts each {@code :name} to its array type. */
    private static final class Columns {

        private final Map<String, List<String>> values = new LinkedHashMap<>();

        Columns add(String column, Object value) {
            values.computeIfAbsent(column, c -> new ArrayList<>()).add(value == null ? null
                    : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
            return this;
        }

        boolean isEmpty() {
            return values.isEmpty();
        }

        /** The statement with each {@code :column} cast to {@code type[]} (column, type pairs) and bound. */
        JdbcClient.StatementSpec statement(JdbcClient jdbc, String sql, String... columnTypes) {
            for (int i = 0; i < columnTypes.length; i += 2) {
                sql = sql.replaceAll(":" + columnTypes[i] + "\\b",
                        "CAST(:" + columnTypes[i] + " AS " + columnTypes[i + 1] + "[])");
            }
            JdbcClient.StatementSpec statement = jdbc.sql(sql);
            for (Map.Entry<String, List<String>> column : values.entrySet()) {
                statement = statement.param(column.getKey(), column.getValue().toArray(String[]::new));
            }
            return statement;
        }
    }
}
