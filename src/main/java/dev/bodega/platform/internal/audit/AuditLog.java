package dev.bodega.platform.internal.audit;

import dev.bodega.platform.CursorPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the audit log the trigger writes; row-level security keeps it to the current tenant. */
@Service
class AuditLog {

    enum Action { INSERT, UPDATE, DELETE }

    /** {@code from} is inclusive, {@code to} exclusive. */
    record Query(String table, Action action, UUID userId, UUID rowId, Instant from, Instant to) {
    }

    /** For an UPDATE, the values hold only the columns that changed; secrets show as "***". */
    record Entry(long id, Instant occurredAt, String table, UUID rowId, String action, JsonNode oldValues,
                 JsonNode newValues, UUID userId, String userName, String clientIp, String userAgent) {
    }

    private final JdbcClient jdbc;
    private final ObjectReader json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        // Amounts stay exact as written (19.90, not 19.9 or a binary double).
        this.json = json.reader().with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** Newest first, keyset-paginated on the id ({@code before} is the cursor of the previous page). */
    @Transactional(readOnly = true)
    public CursorPage<Entry> browse(Query query, Long before, int limit) {
        Where where = new Where()
                .and("a.table_name = :table", "table", query.table())
                .and("a.action = :action", "action", query.action() == null ? null : query.action().name())
                .and("a.user_id = :user", "user", query.userId())
                .and("a.row_id = :row", "row", query.rowId())
                .and("a.occurred_at >= :from", "from", Filters.utc(query.from()))
                .and("a.occurred_at < :to", "to", Filters.utc(query.to()))
                .and("a.id < :before", "before", before);
        List<Entry> rows = jdbc.sql("""
                        SELECT a.id, a.occurred_at, a.table_name, a.row_id, a.action,
                               a.old_values::text AS old_values, a.new_values::text AS new_values,
                               a.user_id, u.name AS user_name, host(a.client_ip) AS client_ip, a.user_agent
                        FROM audit_log a
                        LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.user_id""" + where.sql() + " ORDER BY a.id DESC LIMIT :limit")
                .params(where.params()).param("limit", limit + 1)
                .query(this::entry).list();
        return CursorPage.of(rows, limit, Entry::id);
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("table_name"),
                rs.getObject("row_id", UUID.class), rs.getString("action"), parse(rs.getString("old_values")),
                parse(rs.getString("new_values")), rs.getObject("user_id", UUID.class), rs.getString("user_name"),
                rs.getString("client_ip"), rs.getString("user_agent"));
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
