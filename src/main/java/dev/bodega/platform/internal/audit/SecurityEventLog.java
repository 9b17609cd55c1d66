package dev.bodega.platform.internal.audit;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads the security events identity records (logins, lockouts, API keys) for the current tenant. */
@Service
class SecurityEventLog {

    /** {@code from} is inclusive, {@code to} exclusive. */
    record Query(Type type, Risk risk, UUID userId, Instant from, Instant to) {
    }

    record Event(UUID id, Instant occurredAt, String type, String risk, UUID userId, String userName,
                 String ipAddress, String userAgent, String sessionId, String details) {
    }

    private final JdbcClient jdbc;

    SecurityEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first: ids are UUIDv7, so id order is time order. */
    @Transactional(readOnly = true)
    public CursorPage<Event> browse(Query query, UUID before, int limit) {
        Where where = new Where()
                .and("e.event_type = :type", "type", query.type() == null ? null : query.type().name())
                .and("e.risk_level = :risk", "risk", query.risk() == null ? null : query.risk().name())
                .and("e.user_id = :user", "user", query.userId())
                .and("e.occurred_at >= :from", "from", Filters.utc(query.from()))
                .and("e.occurred_at < :to", "to", Filters.utc(query.to()))
                .and("e.id < :before", "before", before);
        List<Event> rows = jdbc.sql("""
                        SELECT e.id, e.occurred_at, e.event_type, e.risk_level, e.user_id, u.name AS user_name,
                               host(e.ip_address) AS ip_address, e.user_agent, e.session_id, e.details
                        FROM security_events e
                        LEFT JOIN users u ON u.tenant_id = e.tenant_id AND u.id = e.user_id""" + where.sql() + " ORDER BY e.id DESC LIMIT :limit")
                .params(where.params()).param("limit", limit + 1)
                .query(SecurityEventLog::event).list();
        return CursorPage.of(rows, limit, Event::id);
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("event_type"), rs.getString("risk_level"), rs.getObject("user_id", UUID.class),
                rs.getString("user_name"), rs.getString("ip_address"), rs.getString("user_agent"),
                rs.getString("session_id"), rs.getString("details"));
    }
}
