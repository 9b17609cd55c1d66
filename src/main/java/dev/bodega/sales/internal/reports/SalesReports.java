package dev.bodega.sales.internal.reports;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Money;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.customers.Customers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Sales reports (seed 001 §9.1, §9.3, §9.4; seed 000 Reporte_Ventas) over completed sales. A period is a
 * range of days in the company's time zone, turned into instants here, so every query filters
 * {@code sale_date} by plain bounds on the indexes that lead with the tenant ({@code sales_status_idx}:
 * tenant, status, sale date) and reaches lines and payments by their sale. Amounts are the sales' own
 * totals; "net" figures subtract what came back in returns.
 * <p>
 * A period's figures come from the daily rollups the database keeps with every sale (V144), read by day; only
 * while a company's rollups are not yet in its current time zone (it changed, and nothing has sold since) are
 * they counted from the sales themselves, by the same queries the rollups must always agree with.
 */
@Service
public class SalesReports {

    static final int TOP_LIMIT = 10;
    static final int MAX_DAYS = 366;
    static final List<String> METHODS = List.of("cash", "card", "transfer", "other");

    /** Days {@code from} to {@code to}, both included, in the company's time zone. */
    public record Period(LocalDate from, LocalDate to) {
    }

    record Summary(LocalDate from, LocalDate to, String currency, long count, BigDecimal total,
                   BigDecimal averageTicket, BigDecimal refunded) {
    }

    /** Quantity and revenue are net of returns; {@code sales} counts the sales that had the item. */
    record TopItem(int rank, UUID itemId, String sku, String name, BigDecimal quantity, BigDecimal revenue,
                   long sales) {
    }

    record TopItems(LocalDate from, LocalDate to, String by, String currency, List<TopItem> items) {
    }

    record Tops(TopItems byQuantity, TopItems byRevenue) {
    }

    /**
     * What each method took in ({@code amount}: the part of the sales it paid, change excluded) and gave
     * back in refunds of returns made in the period.
     */
    record MethodRow(String method, long sales, BigDecimal amount, BigDecimal refunds, BigDecimal net) {
    }

    record ByMethod(LocalDate from, LocalDate to, String currency, List<MethodRow> methods, BigDecimal amount,
                    BigDecimal refunds, BigDecimal net) {
    }

    /** One seller or one location. */
    record GroupRow(UUID id, String name, long count, BigDecimal total, BigDecimal averageTicket,
                    BigDecimal refunded) {
    }

    record Breakdown(LocalDate from, LocalDate to, String currency, List<GroupRow> rows) {
    }

    record Day(LocalDate date, long count, BigDecimal total) {
    }

    record PerDay(LocalDate from, LocalDate to, String currency, List<Day> days) {
    }

    record Overview(Summary summary, PerDay perDay) {
    }

    record ReportLine(int position, String sku, String name, BigDecimal quantity, BigDecimal unitPrice,
                      BigDecimal total, BigDecimal returnedQuantity) {
    }

    /** Seed 000 Reporte_Ventas: a sale with who sold it and what it sold. */
    record ReportSale(UUID id, String invoice, Instant saleDate, String locationName, String customerName,
                      String sellerName, String paymentMethod, BigDecimal total, BigDecimal refunded,
                      List<ReportLine> lines) {
    }

    record SalesReport(Summary summary, List<ReportSale> items, String nextCursor) {
    }

    record CustomerPurchase(UUID id, String invoice, Instant saleDate, BigDecimal total, BigDecimal refunded,
                            String paymentMethod, String sellerName) {
    }

    /** Seed 001 §9.4 with what a salesperson wants next to it: totals and the items bought most. */
    record CustomerHistory(UUID customerId, String name, String currency, long count, BigDecimal total,
                           BigDecimal refunded, BigDecimal averageTicket, Instant firstPurchaseAt,
                           Instant lastPurchaseAt, List<TopItem> topItems, List<CustomerPurchase> purchases) {
    }

    private record Totals(long count, BigDecimal total, BigDecimal refunded) {
    }

    // The tenant named in the query as well as by the policy: the planner then compares joined tables' rows with a
    // constant, and the policy's expression is evaluated once instead of once per row on a large scan.
    private static final String COMPLETED_IN_PERIOD =
            "s.tenant_id = :tenant AND s.status = 'completed' AND s.sale_date >= :from AND s.sale_date < :to";
    private static final String DAYS_IN_PERIOD = "d.tenant_id = :tenant AND d.day BETWEEN :fromDay AND :toDay";

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;
    private final Clock clock;

    SalesReports(JdbcClient jdbc, TenantSettingsService settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Today in the company's time zone. */
    @Reporting
    public LocalDate today() {
        return settings.current().today(clock);
    }

    /** The period asked for; without dates, the 30 days up to today. */
    @Reporting
    public Period period(LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : from != null ? from.plusDays(29) : today();
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw Problems.of(SalesProblem.INVALID_PERIOD, "The period starts after it ends");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw Problems.of(SalesProblem.INVALID_PERIOD, "A period is at most " + MAX_DAYS + " days");
        }
        return new Period(start, end);
    }

    /** Seed 001 §9.1: count, total and average ticket of the completed sales of one day. */
    @Reporting
    public Summary summary(Period period) {
        TenantSettings company = settings.current();
        Totals totals = jdbc.sql(rolledUp(company) ? """
                        SELECT coalesce(sum(d.sales), 0)::bigint AS count, coalesce(sum(d.total), 0) AS total,
                               coalesce(sum(d.refunded), 0) AS refunded
                        FROM sales_daily d WHERE %s""".formatted(DAYS_IN_PERIOD) : """
                        SELECT count(*) AS count, coalesce(sum(s.total), 0) AS total,
                               coalesce(sum(s.refunded), 0) AS refunded
                        FROM sales s WHERE %s""".formatted(COMPLETED_IN_PERIOD))
                .params(bounds(period, company.zoneId()))
                .query(Totals.class).single();
        int decimals = Money.decimals(company.currency());
        return new Summary(period.from(), period.to(), company.currency(), totals.count(),
                Money.round(totals.total(), decimals), average(totals.total(), totals.count(), decimals),
                Money.round(totals.refunded(), decimals));
    }

    @Reporting
    public Summary day(LocalDate date) {
        return summary(new Period(date, date));
    }

    /** Seed 001 §9.3, net of returns: by quantity (ties by revenue) or by revenue (ties by quantity). */
    @Reporting
    public TopItems topItems(Period period, String by, int limit) {
        boolean byRevenue = "revenue".equals(by);
        TenantSettings company = settings.current();
        Ranked ranked = ranked(sold(company), bounds(period, company.zoneId()), limit);
        List<TopItem> items = byRevenue ? ranked.byRevenue() : ranked.byQuantity();
        return new TopItems(period.from(), period.to(), byRevenue ? "revenue" : "quantity", company.currency(), items);
    }

    /** Both rankings of a period from one pass over its lines. */
    @Reporting
    public Tops tops(Period period, int limit) {
        TenantSettings company = settings.current();
        Ranked ranked = ranked(sold(company), bounds(period, company.zoneId()), limit);
        return new Tops(new TopItems(period.from(), period.to(), "quantity", company.currency(), ranked.byQuantity()),
                new TopItems(period.from(), period.to(), "revenue", company.currency(), ranked.byRevenue()));
    }

    @Reporting
    public ByMethod byPaymentMethod(Period period) {
        TenantSettings company = settings.current();
        Map<String, Object> bounds = bounds(period, company.zoneId());
        Map<String, Taken> taken = new HashMap<>();
        Map<String, BigDecimal> refunds = new HashMap<>();
        if (rolledUp(company)) {
            jdbc.sql("""
                            SELECT d.method, sum(d.sales)::bigint AS sales, sum(d.amount) AS amount,
                                   sum(d.refunds) AS refunds
                            FROM sales_daily_methods d WHERE %s
                            GROUP BY d.method""".formatted(DAYS_IN_PERIOD))
                    .params(bounds)
                    .query((ResultSet rs) -> {
                        String method = rs.getString("method");
                        taken.put(method, new Taken(method, rs.getLong("sales"), rs.getBigDecimal("amount")));
                        refunds.put(method, rs.getBigDecimal("refunds"));
                    });
        } else {
            fromSales(bounds, taken, refunds);
        }
        int decimals = Money.decimals(company.currency());
        BigDecimal zero = Money.round(BigDecimal.ZERO, decimals);
        List<MethodRow> rows = new ArrayList<>();
        for (String method : METHODS) {
            Taken row = taken.getOrDefault(method, new Taken(method, 0, zero));
            BigDecimal amount = Money.round(row.amount(), decimals);
            BigDecimal refunded = Money.round(refunds.getOrDefault(method, zero), decimals);
            rows.add(new MethodRow(method, row.sales(), amount, refunded, amount.subtract(refunded)));
        }
        BigDecimal amount = rows.stream().map(MethodRow::amount).reduce(zero, BigDecimal::add);
        BigDecimal refunded = rows.stream().map(MethodRow::refunds).reduce(zero, BigDecimal::add);
        return new ByMethod(period.from(), period.to(), company.currency(), rows, amount, refunded,
                amount.subtract(refunded));
    }

    private record Taken(String method, long sales, BigDecimal amount) {
    }

    private void fromSales(Map<String, Object> bounds, Map<String, Taken> taken, Map<String, BigDecimal> refunds) {
        jdbc.sql("""
                        WITH chosen AS MATERIALIZED (SELECT s.tenant_id, s.id FROM sales s WHERE %s)
                        SELECT p.method, count(DISTINCT p.sale_id) AS sales, sum(p.amount) AS amount
                        FROM chosen s
                        JOIN sale_payments p ON p.tenant_id = s.tenant_id AND p.sale_id = s.id
                        WHERE p.tenant_id = :tenant
                        GROUP BY p.method""".formatted(COMPLETED_IN_PERIOD))
                .params(bounds)
                .query(Taken.class).list()
                .forEach(row -> taken.put(row.method(), row));
        jdbc.sql("""
                        SELECT r.refund_method AS method, sum(r.refund_amount) AS refunds
                        FROM sale_returns r
                        WHERE r.tenant_id = :tenant AND r.created_at >= :from AND r.created_at < :to
                        GROUP BY r.refund_method""")
                .params(bounds)
                .query((ResultSet rs) -> {
                    refunds.put(rs.getString("method"), rs.getBigDecimal("refunds"));
                });
    }

    /** Sales per seller, the best first; sales made without a user (imports, jobs) have no id. */
    @Reporting
    public Breakdown bySeller(Period period) {
        return breakdown(period, """
                SELECT d.user_id AS id, u.name AS name, sum(d.sales)::bigint AS count, sum(d.total) AS total,
                       sum(d.refunded) AS refunded
                FROM sales_daily_sellers d
                LEFT JOIN platform_users u ON u.tenant_id = d.tenant_id AND u.id = d.user_id
                WHERE %s
                GROUP BY d.user_id, u.name
                HAVING sum(d.sales) > 0
                ORDER BY sum(d.total) DESC, u.name, d.user_id""", """
                SELECT s.user_id AS id, u.name AS name, count(*) AS count, sum(s.total) AS total,
                       sum(s.refunded) AS refunded
                FROM sales s
                LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                WHERE %s
                GROUP BY s.user_id, u.name
                ORDER BY sum(s.total) DESC, u.name, s.user_id""");
    }

    @Reporting
    public Breakdown byLocation(Period period) {
        return breakdown(period, """
                SELECT d.location_id AS id, l.name AS name, sum(d.sales)::bigint AS count, sum(d.total) AS total,
                       sum(d.refunded) AS refunded
                FROM sales_daily d
                JOIN inventory_locations l ON l.tenant_id = d.tenant_id AND l.id = d.location_id
                WHERE %s
                GROUP BY d.location_id, l.name
                HAVING sum(d.sales) > 0
                ORDER BY sum(d.total) DESC, l.name, d.location_id""", """
                SELECT s.location_id AS id, l.name AS name, count(*) AS count, sum(s.total) AS total,
                       sum(s.refunded) AS refunded
                FROM sales s
                JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                WHERE %s
                GROUP BY s.location_id, l.name
                ORDER BY sum(s.total) DESC, l.name, s.location_id""");
    }

    /** Every day of the period, days without sales included, oldest first. */
    @Reporting
    public PerDay perDay(Period period) {
        return overview(period).perDay();
    }

    /** The period's summary and its days, from one pass over its sales (the dashboard shows both). */
    @Reporting
    public Overview overview(Period period) {
        TenantSettings company = settings.current();
        record Daily(LocalDate date, long count, BigDecimal total, BigDecimal refunded) {
        }
        Map<LocalDate, Daily> found = new HashMap<>();
        jdbc.sql(rolledUp(company) ? """
                        SELECT d.day AS date, sum(d.sales)::bigint AS count, sum(d.total) AS total,
                               sum(d.refunded) AS refunded
                        FROM sales_daily d
                        WHERE %s
                        GROUP BY 1""".formatted(DAYS_IN_PERIOD) : """
                        SELECT (s.sale_date AT TIME ZONE :zone)::date AS date, count(*) AS count, sum(s.total) AS total,
                               sum(s.refunded) AS refunded
                        FROM sales s
                        WHERE %s
                        GROUP BY 1""".formatted(COMPLETED_IN_PERIOD))
                .params(bounds(period, company.zoneId())).param("zone", company.timeZone())
                .query(Daily.class).list()
                .forEach(day -> found.put(day.date(), day));
        int decimals = Money.decimals(company.currency());
        List<Day> days = new ArrayList<>();
        long count = 0;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            Daily sold = found.getOrDefault(day, new Daily(day, 0, BigDecimal.ZERO, BigDecimal.ZERO));
            days.add(new Day(day, sold.count(), Money.round(sold.total(), decimals)));
            count += sold.count();
            total = total.add(sold.total());
            refunded = refunded.add(sold.refunded());
        }
        Summary summary = new Summary(period.from(), period.to(), company.currency(), count,
                Money.round(total, decimals), average(total, count, decimals), Money.round(refunded, decimals));
        return new Overview(summary, new PerDay(period.from(), period.to(), company.currency(), days));
    }

    /** Seed 000 Reporte_Ventas: the period's completed sales with their lines, newest first, a page at a time. */
    @Reporting
    public SalesReport salesWithLines(Period period, UUID before, int limit) {
        TenantSettings company = settings.current();
        Map<UUID, ReportSale> sales = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH page AS (
                            SELECT s.tenant_id, s.id, %s AS invoice, s.sale_date, l.name AS location_name,
                                   c.first_name || coalesce(' ' || c.last_name, '') AS customer_name,
                                   u.name AS seller_name, s.payment_method, s.total, s.refunded
                            FROM sales s
                            JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
                            JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                            LEFT JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
                            LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                            WHERE %s AND (CAST(:before AS uuid) IS NULL OR s.id < :before)
                            ORDER BY s.id DESC LIMIT :limit)
                        SELECT page.*, sl.position, sl.item_sku, sl.item_name, sl.quantity, sl.unit_price,
                               sl.total AS line_total, sl.returned_quantity
                        FROM page
                        JOIN sale_lines sl ON sl.tenant_id = page.tenant_id AND sl.sale_id = page.id
                        ORDER BY page.id DESC, sl.position""".formatted(INVOICE, COMPLETED_IN_PERIOD))
                .params(bounds(period, company.zoneId())).param("before", before).param("limit", limit + 1)
                .query((ResultSet rs) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    ReportSale sale = sales.computeIfAbsent(id, key -> reportSale(rs, key));
                    sale.lines().add(new ReportLine(rs.getInt("position"), rs.getString("item_sku"),
                            rs.getString("item_name"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                            rs.getBigDecimal("line_total"), rs.getBigDecimal("returned_quantity")));
                });
        List<ReportSale> rows = sales.values().stream().map(s -> new ReportSale(s.id(), s.invoice(), s.saleDate(),
                s.locationName(), s.customerName(), s.sellerName(), s.paymentMethod(), s.total(), s.refunded(),
                List.copyOf(s.lines()))).toList();
        CursorPage<ReportSale> page = CursorPage.of(rows, limit, ReportSale::id);
        return new SalesReport(summary(period), page.items(), page.nextCursor());
    }

    /** Seed 001 §9.4: the customer's completed sales, newest first, with totals and favourite items. */
    @Reporting
    public CustomerHistory customer(UUID customerId, int recent) {
        TenantSettings company = settings.current();
        String name = jdbc.sql("""
                        SELECT first_name || coalesce(' ' || last_name, '') FROM customers
                        WHERE id = :id AND deleted_at IS NULL""")
                .param("id", customerId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("Customer"));
        int decimals = Money.decimals(company.currency());
        Map<String, Object> customer = Map.of("tenant", TenantContext.tenantId(), "customer", customerId);
        record Stats(long count, BigDecimal total, BigDecimal refunded, Timestamp first, Timestamp last) {
        }
        Stats stats = jdbc.sql("""
                        SELECT count(*) AS count, coalesce(sum(s.total), 0) AS total,
                               coalesce(sum(s.refunded), 0) AS refunded, min(s.sale_date) AS first,
                               max(s.sale_date) AS last
                        FROM sales s WHERE s.customer_id = :customer AND s.status = 'completed'""")
                .params(customer).query(Stats.class).single();
        List<CustomerPurchase> purchases = jdbc.sql("""
                        SELECT s.id, %s AS invoice, s.sale_date, s.total, s.refunded, s.payment_method,
                               u.name AS seller_name
                        FROM sales s
                        JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
                        LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                        WHERE s.customer_id = :customer AND s.status = 'completed'
                        ORDER BY s.sale_date DESC, s.id DESC LIMIT :limit""".formatted(INVOICE))
                .params(customer).param("limit", recent)
                .query((rs, n) -> new CustomerPurchase(rs.getObject("id", UUID.class), rs.getString("invoice"),
                        rs.getTimestamp("sale_date").toInstant(), rs.getBigDecimal("total"),
                        rs.getBigDecimal("refunded"), rs.getString("payment_method"), rs.getString("seller_name")))
                .list();
        List<TopItem> top = ranked(soldFromSales("s.customer_id = :customer AND s.status = 'completed'"), customer, 5)
                .byQuantity();
        return new CustomerHistory(customerId, name, company.currency(), stats.count(),
                Money.round(stats.total(), decimals), Money.round(stats.refunded(), decimals),
                average(stats.total(), stats.count(), decimals), Customers.instant(stats.first()),
                Customers.instant(stats.last()), top, purchases);
    }

    /** What each item sold in the period, net of returns: the CTE {@code sold} of {@link #ranked}. */
    private String sold(TenantSettings company) {
        return rolledUp(company) ? """
                sold AS MATERIALIZED (
                    SELECT d.tenant_id, d.item_id, sum(d.quantity) AS quantity, sum(d.revenue) AS revenue,
                           sum(d.sales) AS sales
                    FROM sales_daily_items d
                    WHERE %s
                    GROUP BY d.tenant_id, d.item_id
                    HAVING sum(d.quantity) > 0)""".formatted(DAYS_IN_PERIOD) : soldFromSales(COMPLETED_IN_PERIOD);
    }

    /**
     * The chosen sales, then their lines summed per item, each materialized, and the items last: under row-level
     * security the planner cannot see one company's share of a table, and with a million sales it otherwise walked
     * every line of the company.
     */
    private static String soldFromSales(String where) {
        return """
                chosen AS MATERIALIZED (SELECT s.tenant_id, s.id FROM sales s WHERE %s),
                sold AS MATERIALIZED (
                    SELECT sl.tenant_id, sl.item_id, sum(sl.quantity - sl.returned_quantity) AS quantity,
                           sum(sl.total - sl.returned_amount) AS revenue, count(DISTINCT sl.sale_id) AS sales
                    FROM chosen s
                    JOIN sale_lines sl ON sl.tenant_id = s.tenant_id AND sl.sale_id = s.id
                    WHERE sl.tenant_id = :tenant
                    GROUP BY sl.tenant_id, sl.item_id
                    HAVING sum(sl.quantity - sl.returned_quantity) > 0)""".formatted(where);
    }

    /** Whether the company's rollups count days in its current time zone. */
    private boolean rolledUp(TenantSettings company) {
        return jdbc.sql("SELECT time_zone FROM sales_rollup_zones WHERE tenant_id = :tenant")
                .param("tenant", TenantContext.tenantId()).query(String.class).optional()
                .filter(company.timeZone()::equals).isPresent();
    }

    private record Ranked(List<TopItem> byQuantity, List<TopItem> byRevenue) {
    }

    /** An item with its place in both rankings. */
    private record RankedRow(int byQuantity, int byRevenue, TopItem item) {
    }

    /**
     * The items {@code sold}, ranked both ways in one pass (a dashboard shows both): by quantity (ties by
     * revenue) and by revenue (ties by quantity), the top {@code limit} of each.
     */
    private Ranked ranked(String sold, Map<String, Object> params, int limit) {
        List<RankedRow> rows = jdbc.sql("""
                        WITH %s,
                        ranked AS (
                            SELECT i.id AS item_id, i.sku, i.name, t.quantity, t.revenue, t.sales,
                                   row_number() OVER (ORDER BY t.quantity DESC, t.revenue DESC, i.sku_key, i.id) AS by_quantity,
                                   row_number() OVER (ORDER BY t.revenue DESC, t.quantity DESC, i.sku_key, i.id) AS by_revenue
                            FROM sold t
                            JOIN catalog_items i ON i.tenant_id = t.tenant_id AND i.id = t.item_id)
                        SELECT * FROM ranked WHERE by_quantity <= :limit OR by_revenue <= :limit""".formatted(sold))
                .params(params).param("limit", limit)
                .query((rs, n) -> new RankedRow(rs.getInt("by_quantity"), rs.getInt("by_revenue"),
                        new TopItem(0, rs.getObject("item_id", UUID.class), rs.getString("sku"), rs.getString("name"),
                                plain(rs.getBigDecimal("quantity")), rs.getBigDecimal("revenue"), rs.getLong("sales"))))
                .list();
        return new Ranked(top(rows, RankedRow::byQuantity, limit), top(rows, RankedRow::byRevenue, limit));
    }

    private static List<TopItem> top(List<RankedRow> rows, ToIntFunction<RankedRow> rank, int limit) {
        return rows.stream().filter(row -> rank.applyAsInt(row) <= limit).sorted(Comparator.comparingInt(rank))
                .map(row -> {
                    TopItem i = row.item();
                    return new TopItem(rank.applyAsInt(row), i.itemId(), i.sku(), i.name(), i.quantity(), i.revenue(),
                            i.sales());
                })
                .toList();
    }

    /** A quantity without trailing zeros: 3, 2.5 (never 3.000 nor 3E+1). */
    public static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private Breakdown breakdown(Period period, String fromRollups, String fromSales) {
        TenantSettings company = settings.current();
        int decimals = Money.decimals(company.currency());
        String sql = rolledUp(company) ? fromRollups.formatted(DAYS_IN_PERIOD) : fromSales.formatted(COMPLETED_IN_PERIOD);
        List<GroupRow> rows = jdbc.sql(sql)
                .params(bounds(period, company.zoneId()))
                .query((rs, n) -> {
                    long count = rs.getLong("count");
                    BigDecimal total = rs.getBigDecimal("total");
                    return new GroupRow(rs.getObject("id", UUID.class), rs.getString("name"), count,
                            Money.round(total, decimals), average(total, count, decimals),
                            Money.round(rs.getBigDecimal("refunded"), decimals));
                })
                .list();
        return new Breakdown(period.from(), period.to(), company.currency(), rows);
    }

    private static ReportSale reportSale(ResultSet rs, UUID id) {
        try {
            return new ReportSale(id, rs.getString("invoice"), rs.getTimestamp("sale_date").toInstant(),
                    rs.getString("location_name"), rs.getString("customer_name"), rs.getString("seller_name"),
                    rs.getString("payment_method"), rs.getBigDecimal("total"), rs.getBigDecimal("refunded"),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instants where the period's first day starts and the day after its last starts, and the days. */
    private static Map<String, Object> bounds(Period period, ZoneId zone) {
        return Map.of("tenant", TenantContext.tenantId(),
                "from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()),
                "to", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant()),
                "fromDay", period.from(), "toDay", period.to());
    }

    private static BigDecimal average(BigDecimal total, long count, int decimals) {
        return count == 0 ? Money.round(BigDecimal.ZERO, decimals)
                : total.divide(BigDecimal.valueOf(count), decimals, RoundingMode.HALF_UP);
    }

    private static final String INVOICE = "sr.code || '-' || lpad(s.invoice_number::text, 8, '0')";
}
