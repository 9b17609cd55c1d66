package dev.bodega.inventory.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stock and movements as CSV (RFC 4180), streamed: rows are fetched from a
 * cursor in batches and written as they come, never held in memory whole.
 */
@Service
class CsvExports {

    private static final int FETCH_SIZE = 1000;

    private static final List<String> LEVEL_HEADER = List.of("location", "sku", "item", "unit", "on_hand", "minimum",
            "status", "bin", "count_frequency_days", "new_until", "avg_cost", "value");

    private static final List<String> MOVEMENT_HEADER = List.of("created_at", "posting_id", "location", "sku", "item",
            "movement_type", "quantity", "unit_cost", "on_hand_before", "on_hand_after", "document_type", "document_id",
            "reason", "user");

    private final JdbcClient jdbc;

    CsvExports(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a fetch size only inside a transaction, which every export runs in.
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    @Transactional(readOnly = true)
    public void levels(StockLevels.Filter filter, Writer out) {
        header(out, LEVEL_HEADER);
        StockLevels.filtered(jdbc.sql("SELECT " + StockLevels.LEVEL_COLUMNS + " " + StockLevels.LEVEL_FROM + " "
                        + StockLevels.LEVEL_WHERE + " ORDER BY lower(i.sku), l.item_id, lower(loc.name), l.location_id"), filter)
                .query((ResultSet rs) -> row(out, List.of(text(rs, "location_name"), text(rs, "sku"), text(rs, "item_name"),
                        text(rs, "unit"), number(rs, "on_hand"), number(rs, "minimum"), text(rs, "status"), text(rs, "bin"),
                        text(rs, "count_frequency_days"), instant(rs, "new_until"), number(rs, "avg_cost"),
                        number(rs, "value"))));
        flush(out);
    }

    @Transactional(readOnly = true)
    public void movements(LocalDate from, LocalDate to, UUID locationId, Writer out) {
        header(out, MOVEMENT_HEADER);
        jdbc.sql("""
                        WITH zone AS (SELECT time_zone FROM platform_tenants WHERE id = app_current_tenant())
                        SELECT g.created_at, g.posting_id, loc.name AS location_name, i.sku, i.name AS item_name,
                               g.movement_type, g.quantity, g.unit_cost, g.on_hand_before, g.on_hand_after,
                               g.document_type, g.document_id, g.reason, u.email AS user_email
                        FROM stock_ledger g
                        JOIN locations loc ON loc.tenant_id = g.tenant_id AND loc.id = g.location_id
                        JOIN catalog_items i ON i.tenant_id = g.tenant_id AND i.id = g.item_id
                        LEFT JOIN platform_users u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
                        WHERE (CAST(:from AS date) IS NULL
                               OR g.created_at >= CAST(:from AS date)::timestamp AT TIME ZONE (SELECT time_zone FROM zone))
                          AND (CAST(:to AS date) IS NULL
                               OR g.created_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE (SELECT time_zone FROM zone))
                          AND (CAST(:location AS uuid) IS NULL OR g.location_id = :location)
                        ORDER BY g.id""")
                .param("from", from).param("to", to).param("location", locationId)
                .query((ResultSet rs) -> row(out, List.of(instant(rs, "created_at"), text(rs, "posting_id"),
                        text(rs, "location_name"), text(rs, "sku"), text(rs, "item_name"), text(rs, "movement_type"),
                        number(rs, "quantity"), number(rs, "unit_cost"), number(rs, "on_hand_before"),
                        number(rs, "on_hand_after"), text(rs, "document_type"), text(rs, "document_id"),
                        text(rs, "reason"), text(rs, "user_email"))));
        flush(out);
    }

    /** One CSV record. Text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static void row(Writer out, List<Cell> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cells.get(i).render());
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Writer out, List<String> names) {
        List<Cell> cells = new ArrayList<>();
        names.forEach(name -> cells.add(new Cell(name, false)));
        row(out, cells);
    }

    record Cell(String value, boolean numeric) {
        String render() {
            if (value == null) {
                return "";
            }
            String text = !numeric && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0;
            return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
        }
    }

    private static Cell text(ResultSet rs, String column) throws SQLException {
        return new Cell(rs.getString(column), false);
    }

    private static Cell number(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return new Cell(value == null ? null : value.toPlainString(), true);
    }

    private static Cell instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return new Cell(value == null ? null : value.toInstant().toString(), true);
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
