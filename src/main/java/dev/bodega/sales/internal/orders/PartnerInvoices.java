package dev.bodega.sales.internal.orders;

import dev.bodega.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The invoices of partner organizations (sales to the customer record that stands for one), read-only: a partner
 * user reads its own only (row-level security on sales, V121); the staff read every organization's.
 */
@Component
class PartnerInvoices {

    record InvoiceSummary(UUID id, String invoice, String customerName, String status, Instant saleDate,
                          String currency, BigDecimal total) {
    }

    record InvoiceLine(int position, String sku, String name, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal discount, BigDecimal tax, BigDecimal total) {
    }

    record Invoice(UUID id, String invoice, String customerName, String status, Instant saleDate, String currency,
                   BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total,
                   List<InvoiceLine> lines) {
    }

    private static final String FROM = """
            FROM sales s
            JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id AND c.organization_id IS NOT NULL
            JOIN invoice_series ser ON ser.tenant_id = s.tenant_id AND ser.id = s.series_id
            WHERE s.status IN ('completed', 'cancelled')
            """;
    private static final String INVOICE = "ser.code || '-' || lpad(s.invoice_number::text, 8, '0')";

    private final JdbcClient jdbc;

    PartnerInvoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, at most {@code limit} after the invoice {@code before}. */
    @Transactional(readOnly = true)
    List<InvoiceSummary> list(UUID before, int limit) {
        return jdbc.sql("SELECT s.id, " + INVOICE + " AS invoice, c.first_name AS customer_name, s.status, "
                        + "s.sale_date, s.currency, s.total " + FROM
                        + " AND (CAST(:before AS uuid) IS NULL OR s.id < :before) ORDER BY s.id DESC LIMIT :limit")
                .param("before", before).param("limit", limit).query(InvoiceSummary.class).list();
    }

    @Transactional(readOnly = true)
    Invoice get(UUID id) {
        record Head(UUID id, String invoice, String customerName, String status, Instant saleDate, String currency,
                    BigDecimal subtotal, BigDecimal discount, BigDecimal tax, BigDecimal total) {
        }
        Head head = jdbc.sql("SELECT s.id, " + INVOICE + " AS invoice, c.first_name AS customer_name, s.status, "
                        + "s.sale_date, s.currency, s.subtotal, s.discount, s.tax, s.total " + FROM + " AND s.id = :id")
                .param("id", id).query(Head.class).optional().orElseThrow(() -> new NotFoundException("Invoice"));
        List<InvoiceLine> lines = jdbc.sql("""
                        SELECT position, item_sku AS sku, item_name AS name, quantity, unit_price,
                               discount + sale_discount AS discount, tax, total
                        FROM sale_lines WHERE sale_id = :id ORDER BY position""")
                .param("id", id).query(InvoiceLine.class).list();
        return new Invoice(head.id(), head.invoice(), head.customerName(), head.status(), head.saleDate(),
                head.currency(), head.subtotal(), head.discount(), head.tax(), head.total(), lines);
    }
}
