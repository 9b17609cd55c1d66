package dev.bodega.platform.internal.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The analytics events (seed 002 analytics_events, V171): the company's business events, oldest first, with filters.
 * A daily job keeps monthly partitions three months ahead and drops the months older than the retention
 * ({@code bodega.events.retention-months}, 24 by default; 0 keeps everything).
 */
@Configuration(proxyBeanMethods = false)
public class AnalyticsEvents {

    static final int MONTHS_AHEAD = 3;

    public record Event(UUID id, String type, UUID subjectId, Object data, Instant occurredAt, Instant recordedAt) {
    }

    /** {@code type}: one type, or a family ending in {@code .*} ({@code sale.*}); {@code from} inclusive, {@code to} not. */
    public record Query(String type, Instant from, Instant to) {
    }

    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;
    private final int retentionMonths;

    AnalyticsEvents(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json,
                    @Value("${bodega.events.retention-months:24}") int retentionMonths) {
        this.jdbc = jdbc;
        this.json = json;
        this.retentionMonths = retentionMonths;
    }

    @Bean
    RecurringTask<Void> analyticsPartitionsTask() {
        return Tasks.recurring("analytics-events-partitions", FixedDelay.of(Duration.ofHours(24)))
                .execute((instance, context) -> maintain());
    }

    /** Creates the months ahead and applies the retention; returns the partitions dropped. */
    int maintain() {
        jdbc.sql("SELECT ensure_analytics_partitions(CAST(now() AS date), :months)").param("months", MONTHS_AHEAD)
                .query(Integer.class).single();
        return retentionMonths <= 0 ? 0 : jdbc.sql("SELECT drop_analytics_partitions(:keep)")
                .param("keep", retentionMonths).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public CursorPage<Event> list(Query query, UUID cursor, int limit) {
        String type = query.type() == null || query.type().isBlank() ? null : query.type().trim();
        boolean family = type != null && type.endsWith(".*");
        List<Event> rows = jdbc.sql("""
                        SELECT id, event_type, subject_id, payload::text AS payload, occurred_at, recorded_at
                        FROM analytics_events
                        WHERE tenant_id = :tenant
                          AND (CAST(:type AS text) IS NULL OR event_type = :type
                               OR (:family AND event_type LIKE :prefix))
                          AND (CAST(:from AS timestamptz) IS NULL OR recorded_at >= :from)
                          AND (CAST(:to AS timestamptz) IS NULL OR recorded_at < :to)
                          AND (CAST(:cursor AS uuid) IS NULL OR id > :cursor)
                        ORDER BY id LIMIT :limit""")
                .param("tenant", TenantContext.tenantId()).param("type", type).param("family", family)
                .param("prefix", family ? type.substring(0, type.length() - 1) + "%" : "")
                .param("from", query.from() == null ? null : Timestamp.from(query.from()))
                .param("to", query.to() == null ? null : Timestamp.from(query.to()))
                .param("cursor", cursor).param("limit", limit + 1)
                .query((rs, n) -> new Event(rs.getObject("id", UUID.class), rs.getString("event_type"),
                        rs.getObject("subject_id", UUID.class), json.readTree(rs.getString("payload")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant()))
                .list();
        return CursorPage.of(rows, limit, Event::id);
    }
}
