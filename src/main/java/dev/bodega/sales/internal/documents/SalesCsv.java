package dev.bodega.sales.internal.documents;

import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.internal.reports.SalesReports;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sales as CSV (RFC 4180), ONE ROW PER SALE LINE: the sale's columns (invoice, status, date, store,
 * seller, customer, payment method, sale total) repeat on each of its lines, so the file sums by item as
 * well as by sale (sum {@code line_total} per {@code invoice} = {@code sale_total}). Completed and
 * cancelled sales of the period (by sale date, company time zone), oldest first; pending sales (quotes,
 * parked carts) are not sales yet and are left out. Streamed from a cursor, never held whole in memory.
 */
@Service
class SalesCsv {

    static final List<String> HEADER = List.of("invoice", "status", "sale_date", "location", "seller",
            "customer_document", "customer", "payment_method", "currency", "line", "sku", "item", "quantity",
            "unit_price", "discount", "tax_rate", "tax", "line_total", "returned_quantity", "returned_amount",
            "sale_total", "sale_id");

    private static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    SalesCsv(DataSource dataSource, TenantSettingsService settings) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a fetch size only inside a transaction, which the export runs in.
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.settings = settings;
    }

    @Reporting
    public void write(SalesReports.Period period, Writer out) {
        ZoneId zone = settings.current().zoneId();
        CsvWriter csv = new CsvWriter(out, HEADER);
        jdbc.sql("""
                        SELECT sr.code || '-' || lpad(s.invoice_number::text, 8, '0') AS invoice, s.status, s.sale_date,
                               l.name AS location, u.name AS seller,
                               c.document_type || ' ' || c.document_number AS customer_document,
                               c.first_name || coalesce(' ' || c.last_name, '') AS customer, s.payment_method,
                               s.currency, sl.position, sl.item_sku, sl.item_name, sl.quantity, sl.unit_price,
                               sl.discount + sl.sale_discount AS discount, sl.tax_rate, sl.tax, sl.total AS line_total,
                               sl.returned_quantity, sl.returned_amount, s.total AS sale_total, s.id
                        FROM sales s
                        JOIN sale_lines sl ON sl.tenant_id = s.tenant_id AND sl.sale_id = s.id
                        JOIN invoice_series sr ON sr.tenant_id = s.tenant_id AND sr.id = s.series_id
                        JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                        LEFT JOIN platform_users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
                        LEFT JOIN customers c ON c.tenant_id = s.tenant_id AND c.id = s.customer_id
                        WHERE s.sale_date >= :from AND s.sale_date < :to AND s.status IN ('completed', 'cancelled')
                        ORDER BY s.sale_date, s.id, sl.position""")
                .params(Map.of("from", Timestamp.from(period.from().atStartOfDay(zone).toInstant()),
                        "to", Timestamp.from(period.to().plusDays(1).atStartOfDay(zone).toInstant())))
                .query((ResultSet rs) -> csv.row(row(rs, zone)));
        csv.flush();
    }

    private static List<Object> row(ResultSet rs, ZoneId zone) throws SQLException {
        List<Object> cells = new ArrayList<>();
        cells.add(rs.getString("invoice"));
        cells.add(rs.getString("status"));
        cells.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(rs.getTimestamp("sale_date").toInstant().atZone(zone)));
        cells.add(rs.getString("location"));
        cells.add(rs.getString("seller"));
        cells.add(rs.getString("customer_document"));
        cells.add(rs.getString("customer"));
        cells.add(rs.getString("payment_method"));
        cells.add(rs.getString("currency"));
        cells.add(rs.getInt("position"));
        cells.add(rs.getString("item_sku"));
        cells.add(rs.getString("item_name"));
        cells.add(SalesReports.plain(rs.getBigDecimal("quantity")));
        cells.add(rs.getBigDecimal("unit_price"));
        cells.add(rs.getBigDecimal("discount"));
        cells.add(rs.getBigDecimal("tax_rate"));
        cells.add(rs.getBigDecimal("tax"));
        cells.add(rs.getBigDecimal("line_total"));
        cells.add(SalesReports.plain(rs.getBigDecimal("returned_quantity")));
        cells.add(rs.getBigDecimal("returned_amount"));
        cells.add(rs.getBigDecimal("sale_total"));
        cells.add(rs.getString("id"));
        return cells;
    }
}
