package dev.bodega.purchasing.internal;

import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.Money;
import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Purchases as CSV (RFC 4180), one record per order line with its order's
 * header, for the orders placed in a period (order date, inclusive). Streamed
 * from a cursor, never held in memory whole.
 */
@Service
class PurchaseCsv {

    static final List<String> HEADER = List.of("order_number", "order_date", "expected_date", "status", "supplier",
            "location", "currency", "order_total", "line", "sku", "item", "quantity", "unit_cost", "line_total",
            "received_quantity", "sent_at", "received_at", "cancelled_at");

    private static final int FETCH_SIZE = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    PurchaseCsv(DataSource dataSource, TenantSettingsService settings) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a fetch size only inside a transaction, which the export runs in.
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.settings = settings;
    }

    @Reporting
    public void write(LocalDate from, LocalDate to, Writer out) {
        ZoneId zone = settings.current().zoneId();
        CsvWriter csv = new CsvWriter(out, HEADER);
        jdbc.sql("""
                        SELECT 'OC-' || lpad(o.number::text, 6, '0') AS number, o.order_date, o.expected_date, o.status,
                               s.name AS supplier, l.name AS location, o.currency, o.total, ol.position, ol.item_sku,
                               ol.item_name, ol.quantity, ol.unit_cost, ol.line_total, ol.received_quantity, o.sent_at,
                               o.received_at, o.cancelled_at
                        FROM supplier_orders o
                        JOIN supplier_order_lines ol ON ol.tenant_id = o.tenant_id AND ol.order_id = o.id
                        JOIN catalog_suppliers s ON s.tenant_id = o.tenant_id AND s.id = o.supplier_id
                        JOIN inventory_locations l ON l.tenant_id = o.tenant_id AND l.id = o.location_id
                        WHERE (CAST(:from AS date) IS NULL OR o.order_date >= :from)
                          AND (CAST(:to AS date) IS NULL OR o.order_date <= :to)
                        ORDER BY o.order_date, o.number, ol.position""")
                .param("from", from).param("to", to)
                .query((ResultSet rs) -> record(csv, rs, zone));
        csv.flush();
    }

    private static void record(CsvWriter csv, ResultSet rs, ZoneId zone) throws SQLException {
        csv.row(rs.getString("number"), rs.getString("order_date"), rs.getString("expected_date"),
                rs.getString("status"), rs.getString("supplier"), rs.getString("location"),
                rs.getString("currency"), rs.getBigDecimal("total"), rs.getInt("position"),
                rs.getString("item_sku"), rs.getString("item_name"),
                rs.getBigDecimal("quantity").stripTrailingZeros(),
                Money.unitCost(rs.getBigDecimal("unit_cost")), rs.getBigDecimal("line_total"),
                rs.getBigDecimal("received_quantity").stripTrailingZeros(),
                time(rs, "sent_at", zone), time(rs, "received_at", zone), time(rs, "cancelled_at", zone));
    }

    /** Local time in the company's zone, as the pages show it. */
    private static String time(ResultSet rs, String column, ZoneId zone) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : TIME.format(value.toInstant().atZone(zone));
    }
}
