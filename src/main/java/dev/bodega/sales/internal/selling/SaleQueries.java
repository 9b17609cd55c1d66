package dev.bodega.sales.internal.selling;

import dev.bodega.platform.Text;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.internal.customers.Customers;
import dev.bodega.sales.internal.selling.SaleViews.LineView;
import dev.bodega.sales.internal.selling.SaleViews.PaymentView;
import dev.bodega.sales.internal.selling.SaleViews.SaleSummary;
import dev.bodega.sales.internal.selling.SaleViews.SaleView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reading sales: one with its lines and payments, or a filtered page of them. */
@Service
public class SaleQueries {

    record Filter(LocalDate from, LocalDate to, String status, UUID locationId, UUID customerId, UUID sellerId) {
    }

    /** A numbered sale's invoice, as {@code sales s} joined to {@code invoice_series sr} spell it. */
    static final String INVOICE = "sr.code || '-' || lpad(s.invoice_number::text, 8, '0')";

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    SaleQueries(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public SaleView get(UUID id) {
        UUID tenant = TenantContext.tenantId();
        SaleView head = jdbc.sql(SALE_SELECT + " WHERE s.tenant_id = :tenant AND s.id = :id")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> saleRow(rs, List.of(), List.of())).optional()
                .orElseThrow(() -> new NotFoundException("Sale"));
        List<LineView> lines = jdbc.sql("""
                        SELECT id, position, item_id, item_sku, item_name, quantity, unit_price, subtotal, discount_percent,
                               discount, sale_discount, tax_rate, tax, total, returned_quantity, returned_amount
                        FROM sale_lines WHERE tenant_id = :tenant AND sale_id = :id ORDER BY position""")
                .param("tenant", tenant).param("id", id).query(SaleQueries::lineRow).list();
        List<PaymentView> payments = jdbc.sql("""
                        SELECT method, amount, tendered, change_due AS change, reference
                        FROM sale_payments WHERE tenant_id = :tenant AND sale_id = :id ORDER BY position""")
                .param("tenant", tenant).param("id", id).query(PaymentView.class).list();
        return withDetails(head, lines, payments);
    }

    /**
     * The sale with an invoice as a receipt prints it ({@code F001-00000042}; case and leading zeros aside), for
     * returns started at the till by scanning or typing it.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> byInvoice(String invoice) {
        String text = invoice == null ? "" : invoice.trim().toUpperCase(Locale.ROOT);
        int dash = text.lastIndexOf('-');
        if (dash <= 0 || !text.substring(dash + 1).matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT s.id FROM sales s
                        JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
                        WHERE sr.code = :code AND s.invoice_number = :number""")
                .param("code", text.substring(0, dash)).param("number", Long.parseLong(text.substring(dash + 1)))
                .query(UUID.class).optional();
    }

    @Transactional(readOnly = true)
    public CursorPage<SaleSummary> list(Filter filter, UUID before, int limit) {
        ZoneId zone = settings.current().zoneId();
        Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from().atStartOfDay(zone).toInstant());
        Timestamp to = filter.to() == null ? null : Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        List<SaleSummary> rows = jdbc.sql("""
                        SELECT s.id, s.status, CASE WHEN s.invoice_number IS NOT NULL THEN %s END AS invoice,
                               s.location_id, l.name AS location_name, s.customer_id,
                               c.first_name || coalesce(' ' || c.last_name, '') AS customer_name,
                               s.user_id AS seller_id, u.name AS seller_name, s.currency, s.total, s.refunded,
                               s.payment_method, s.sale_date
                        FROM sales s
                        JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                        LEFT JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
                        LEFT JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
                        LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                        WHERE (CAST(:from AS timestamptz) IS NULL OR s.sale_date >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR s.sale_date < :to)
                          AND (CAST(:status AS text) IS NULL OR s.status = :status)
                          AND (CAST(:location AS uuid) IS NULL OR s.location_id = :location)
                          AND (CAST(:customer AS uuid) IS NULL OR s.customer_id = :customer)
                          AND (CAST(:seller AS uuid) IS NULL OR s.user_id = :seller)
                          AND (CAST(:before AS uuid) IS NULL OR s.id < :before)
                        ORDER BY s.id DESC LIMIT :limit""".formatted(INVOICE))
                .param("from", from).param("to", to).param("status", Text.blankToNull(filter.status()))
                .param("location", filter.locationId()).param("customer", filter.customerId())
                .param("seller", filter.sellerId()).param("before", before).param("limit", limit + 1)
                .query((rs, n) -> new SaleSummary(rs.getObject("id", UUID.class), rs.getString("status"),
                        rs.getString("invoice"), rs.getObject("location_id", UUID.class), rs.getString("location_name"),
                        rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                        rs.getObject("seller_id", UUID.class), rs.getString("seller_name"), rs.getString("currency"),
                        rs.getBigDecimal("total"), rs.getBigDecimal("refunded"), rs.getString("payment_method"),
                        Customers.instant(rs.getTimestamp("sale_date"))))
                .list();
        return CursorPage.of(rows, limit, SaleSummary::id);
    }

    private static final String SALE_SELECT = """
            SELECT s.id, s.status, CASE WHEN s.invoice_number IS NOT NULL THEN %s END AS invoice, s.series_id,
                   s.invoice_number, s.location_id, l.name AS location_name, s.customer_id,
                   c.first_name || coalesce(' ' || c.last_name, '') AS customer_name, s.user_id, u.name AS seller_name,
                   s.currency, s.prices_include_tax, s.subtotal, s.discount, s.sale_discount, s.tax, s.total,
                   s.tendered, s.change_due, s.refunded, s.payment_method, s.notes, s.sale_date, s.created_at,
                   s.completed_at, s.cancelled_at, s.cancelled_by, cu.name AS cancelled_by_name,
                   s.cancellation_reason, s.version
            FROM sales s
            JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
            LEFT JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
            LEFT JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
            LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
            LEFT JOIN platform_users cu ON cu.tenant_id = s.tenant_id AND cu.id = s.cancelled_by
            """.formatted(INVOICE);

    private static SaleView saleRow(ResultSet rs, List<LineView> lines, List<PaymentView> payments) throws SQLException {
        return new SaleView(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("invoice"),
                rs.getObject("series_id", UUID.class), rs.getObject("invoice_number", Long.class),
                rs.getObject("location_id", UUID.class), rs.getString("location_name"),
                rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                rs.getObject("user_id", UUID.class), rs.getString("seller_name"), rs.getString("currency"),
                rs.getBoolean("prices_include_tax"), rs.getBigDecimal("subtotal"), rs.getBigDecimal("discount"),
                rs.getBigDecimal("sale_discount"), rs.getBigDecimal("tax"), rs.getBigDecimal("total"),
                rs.getBigDecimal("tendered"), rs.getBigDecimal("change_due"), rs.getBigDecimal("refunded"),
                rs.getString("payment_method"), rs.getString("notes"), Customers.instant(rs.getTimestamp("sale_date")),
                Customers.instant(rs.getTimestamp("created_at")), Customers.instant(rs.getTimestamp("completed_at")),
                Customers.instant(rs.getTimestamp("cancelled_at")), rs.getObject("cancelled_by", UUID.class),
                rs.getString("cancelled_by_name"), rs.getString("cancellation_reason"), rs.getLong("version"),
                lines, payments);
    }

    private static SaleView withDetails(SaleView s, List<LineView> lines, List<PaymentView> payments) {
        return new SaleView(s.id(), s.status(), s.invoice(), s.seriesId(), s.invoiceNumber(), s.locationId(),
                s.locationName(), s.customerId(), s.customerName(), s.sellerId(), s.sellerName(), s.currency(),
                s.pricesIncludeTax(), s.subtotal(), s.discount(), s.saleDiscount(), s.tax(), s.total(), s.tendered(),
                s.change(), s.refunded(), s.paymentMethod(), s.notes(), s.saleDate(), s.createdAt(), s.completedAt(),
                s.cancelledAt(), s.cancelledBy(), s.cancelledByName(), s.cancellationReason(), s.version(),
                List.copyOf(lines), List.copyOf(payments));
    }

    private static LineView lineRow(ResultSet rs, int n) throws SQLException {
        return new LineView(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getObject("item_id", UUID.class),
                rs.getString("item_sku"), rs.getString("item_name"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("unit_price"), rs.getBigDecimal("subtotal"), rs.getBigDecimal("discount_percent"),
                rs.getBigDecimal("discount"), rs.getBigDecimal("sale_discount"), rs.getBigDecimal("tax_rate"),
                rs.getBigDecimal("tax"), rs.getBigDecimal("total"), rs.getBigDecimal("returned_quantity"),
                rs.getBigDecimal("returned_amount"));
    }
}
