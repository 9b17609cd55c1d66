package dev.bodega.sales.internal.cash;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.internal.cash.CashViews.Count;
import dev.bodega.sales.internal.cash.CashViews.Detail;
import dev.bodega.sales.internal.cash.CashViews.MethodTotal;
import dev.bodega.sales.internal.cash.CashViews.Movement;
import dev.bodega.sales.internal.cash.CashViews.Session;
import dev.bodega.sales.internal.cash.CashViews.ZReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads sessions at the locations the user may work at (a manager sees every store, a seller his own), and
 * computes the Z report from the session's own rows: its sales' payments, its movements and its count.
 */
@Component
class CashQueries {

    /** Money columns keep two decimals: sums of nothing read as they would from the database. */
    static final BigDecimal ZERO = new BigDecimal("0.00");

    private static final String SESSION_SELECT = """
            SELECT c.id, c.number, c.location_id, l.name AS location_name, c.status, c.currency, c.opening_float,
                   c.opening_note, c.opened_by, ou.name AS opened_by_name, c.opened_at, c.closed_by,
                   cu.name AS closed_by_name, c.closed_at, c.closing_note, c.expected_cash, c.counted_cash, c.difference
            FROM cash_sessions c
            JOIN inventory_locations l ON l.tenant_id = c.tenant_id AND l.id = c.location_id
            LEFT JOIN platform_users ou ON ou.tenant_id = c.tenant_id AND ou.id = c.opened_by
            LEFT JOIN platform_users cu ON cu.tenant_id = c.tenant_id AND cu.id = c.closed_by
            WHERE c.tenant_id = :tenant AND c.location_id IN (SELECT v FROM app_visible_locations() v)
            """;

    private final JdbcClient jdbc;

    CashQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Place(UUID id, String name) {
    }

    /** The active locations the user may work at, stores first: where a session may be opened. */
    @Transactional(readOnly = true)
    public List<Place> places() {
        return jdbc.sql("""
                        SELECT id, name FROM inventory_locations
                        WHERE active AND id IN (SELECT v FROM app_visible_locations() v)
                        ORDER BY (kind = 'store') DESC, name""")
                .query(Place.class).list();
    }

    /** Newest first; {@code location} and {@code status} may be null. */
    @Transactional(readOnly = true)
    public CursorPage<Session> list(UUID location, String status, UUID before, int limit) {
        List<Session> rows = jdbc.sql(SESSION_SELECT + """
                          AND (CAST(:location AS uuid) IS NULL OR c.location_id = :location)
                          AND (CAST(:status AS text) IS NULL OR c.status = :status)
                          AND (CAST(:before AS uuid) IS NULL OR c.id < :before)
                        ORDER BY c.id DESC LIMIT :limit""")
                .param("tenant", TenantContext.tenantId()).param("location", location).param("status", status)
                .param("before", before).param("limit", limit + 1)
                .query((rs, n) -> session(rs)).list();
        return CursorPage.of(rows, limit, Session::id);
    }

    @Transactional(readOnly = true)
    public Session session(UUID id) {
        return jdbc.sql(SESSION_SELECT + " AND c.id = :id").param("tenant", TenantContext.tenantId()).param("id", id)
                .query((rs, n) -> session(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Cash session " + id));
    }

    /** The open session at a location the user may see, if any (the till's banner). */
    @Transactional(readOnly = true)
    public Optional<Session> openAt(UUID location) {
        return jdbc.sql(SESSION_SELECT + " AND c.location_id = :location AND c.status = 'open'")
                .param("tenant", TenantContext.tenantId()).param("location", location)
                .query((rs, n) -> session(rs)).optional();
    }

    @Transactional(readOnly = true)
    public Detail detail(UUID id) {
        Session session = session(id);
        return new Detail(session, movements(id), counts(id));
    }

    @Transactional(readOnly = true)
    public ZReport report(UUID id) {
        return report(session(id));
    }

    ZReport report(Session session) {
        UUID id = session.id();
        UUID tenant = TenantContext.tenantId();
        record Sold(long count, BigDecimal total, BigDecimal discount, BigDecimal tax) {
        }
        Sold sold = jdbc.sql("""
                        SELECT count(*) AS count, coalesce(sum(total), 0.00) AS total,
                               coalesce(sum(discount), 0.00) AS discount, coalesce(sum(tax), 0.00) AS tax
                        FROM sales WHERE tenant_id = :tenant AND cash_session_id = :id""")
                .param("tenant", tenant).param("id", id).query(Sold.class).single();
        List<MethodTotal> payments = jdbc.sql("""
                        SELECT p.method, count(DISTINCT p.sale_id) AS count, sum(p.amount) AS amount
                        FROM sales s JOIN sale_payments p ON p.tenant_id = s.tenant_id AND p.sale_id = s.id
                        WHERE s.tenant_id = :tenant AND s.cash_session_id = :id
                        GROUP BY p.method ORDER BY p.method""")
                .param("tenant", tenant).param("id", id).query(MethodTotal.class).list();
        List<Movement> movements = movements(id);
        List<Count> counts = counts(id);
        BigDecimal cashSales = payments.stream().filter(p -> p.method().equals("cash")).map(MethodTotal::amount)
                .reduce(ZERO, BigDecimal::add);
        BigDecimal cashIn = sum(movements, m -> m.kind().equals("in"));
        BigDecimal cashOut = sum(movements, m -> m.kind().equals("out"));
        BigDecimal cashRefunds = sum(movements, m -> isRefund(m) && m.method().equals("cash"));
        BigDecimal expected = session.openingFloat().add(cashSales).add(cashIn).subtract(cashOut).subtract(cashRefunds);
        return new ZReport(session, sold.count(), sold.total(), sold.discount(), sold.tax(), payments,
                distinct(movements, "return"), byMethod(movements, "return"), distinct(movements, "cancellation"),
                byMethod(movements, "cancellation"), cashSales, cashIn, cashOut, cashRefunds,
                session.open() ? expected : session.expectedCash(), session.countedCash(), session.difference(),
                movements, counts);
    }

    private List<Movement> movements(UUID id) {
        return jdbc.sql("""
                        SELECT m.id, m.kind, m.method, m.amount, m.reason, m.sale_id, m.return_id, u.name AS user_name,
                               m.created_at
                        FROM cash_movements m
                        LEFT JOIN platform_users u ON u.tenant_id = m.tenant_id AND u.id = m.user_id
                        WHERE m.tenant_id = :tenant AND m.session_id = :id ORDER BY m.created_at, m.id""")
                .param("tenant", TenantContext.tenantId()).param("id", id)
                .query((rs, n) -> new Movement(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("method"), rs.getBigDecimal("amount"), rs.getString("reason"),
                        rs.getObject("sale_id", UUID.class), rs.getObject("return_id", UUID.class),
                        rs.getString("user_name"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private List<Count> counts(UUID id) {
        return jdbc.sql("""
                        SELECT denomination, quantity, denomination * quantity AS amount FROM cash_counts
                        WHERE tenant_id = :tenant AND session_id = :id ORDER BY denomination DESC""")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(Count.class).list();
    }

    private static boolean isRefund(Movement m) {
        return m.kind().equals("return") || m.kind().equals("cancellation");
    }

    private static BigDecimal sum(List<Movement> movements, Predicate<Movement> which) {
        return movements.stream().filter(which).map(Movement::amount).reduce(ZERO, BigDecimal::add);
    }

    /** Refunds of one kind by method: how many returns (or sales) and how much. */
    private static List<MethodTotal> byMethod(List<Movement> movements, String kind) {
        return movements.stream().filter(m -> m.kind().equals(kind))
                .collect(Collectors.groupingBy(Movement::method, TreeMap::new,
                        Collectors.toList()))
                .entrySet().stream()
                .map(e -> new MethodTotal(e.getKey(), e.getValue().size(),
                        e.getValue().stream().map(Movement::amount).reduce(BigDecimal::add).orElseThrow()))
                .toList();
    }

    private static long distinct(List<Movement> movements, String kind) {
        return movements.stream().filter(m -> m.kind().equals(kind))
                .map(m -> kind.equals("return") ? m.returnId() : m.saleId()).distinct().count();
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getObject("id", UUID.class), rs.getLong("number"),
                rs.getObject("location_id", UUID.class), rs.getString("location_name"), rs.getString("status"),
                rs.getString("currency"), rs.getBigDecimal("opening_float"), rs.getString("opening_note"),
                rs.getObject("opened_by", UUID.class), rs.getString("opened_by_name"), instant(rs, "opened_at"),
                rs.getObject("closed_by", UUID.class), rs.getString("closed_by_name"), instant(rs, "closed_at"),
                rs.getString("closing_note"), rs.getBigDecimal("expected_cash"), rs.getBigDecimal("counted_cash"),
                rs.getBigDecimal("difference"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
