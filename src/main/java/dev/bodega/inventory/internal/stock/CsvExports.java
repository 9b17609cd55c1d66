package dev.bodega.inventory.internal.stock;

import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.Reporting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
    private final StockLevels levels;

    CsvExports(DataSource dataSource, StockLevels levels) {
        this.levels = levels;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a fetch size only inside a transaction, which every export runs in.
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
    }

    @Reporting
    public void levels(StockLevels.Filter filter, Writer out) {
        CsvWriter csv = new CsvWriter(out, LEVEL_HEADER);
        levels.filtered(jdbc.sql("SELECT " + StockLevels.LEVEL_COLUMNS + " " + StockLevels.LEVEL_FROM + " "
                        + StockLevels.LEVEL_WHERE + " ORDER BY lower(i.sku), l.item_id, lower(loc.name), l.location_id"), filter)
                .query((ResultSet rs) -> csv.row(rs.getString("location_name"), rs.getString("sku"),
                        rs.getString("item_name"), rs.getString("unit"), rs.getBigDecimal("on_hand"),
                        rs.getBigDecimal("minimum"), rs.getString("status"), rs.getString("bin"),
                        rs.getString("count_frequency_days"), instant(rs, "new_until"), rs.getBigDecimal("avg_cost"),
                        rs.getBigDecimal("value")));
        csv.flush();
    }

    @Reporting
    public void movements(LocalDate from, LocalDate to, UUID locationId, Writer out) {
        CsvWriter csv = new CsvWriter(out, MOVEMENT_HEADER);
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
                .query((ResultSet rs) -> csv.row(instant(rs, "created_at"), rs.getString("posting_id"),
                        rs.getString("location_name"), rs.getString("sku"), rs.getString("item_name"),
                        rs.getString("movement_type"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_cost"),
                        rs.getBigDecimal("on_hand_before"), rs.getBigDecimal("on_hand_after"),
                        rs.getString("document_type"), rs.getString("document_id"), rs.getString("reason"),
                        rs.getString("user_email")));
        csv.flush();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
