package dev.bodega.messaging.internal.metrics;

import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inbox's figures (seed 002 {@code dashboard_stats}, {@code performance_metrics}), read from the conversations
 * and messages themselves so they are never stale: conversations by status now; messages today (the company's day);
 * over the last {@code days}: average first response and resolution time in seconds, satisfaction (average and
 * CSAT, the share of 4 and 5 among the answers), per agent and per channel, and messages per day.
 */
@Service
public class InboxMetrics {

    public static final List<String> STATUSES = List.of("active", "pending", "resolved", "closed");

    public record Metrics(int days, LocalDate from, Map<String, Long> byStatus, Today today, Period period,
                          List<Long> satisfaction, List<AgentRow> agents, List<ChannelRow> channels,
                          List<DayCount> perDay) {
    }

    public record Today(long total, long inbound, long outbound, long conversationsOpened) {
    }

    /** Averages are null when nothing was measured. {@code csat}: percent of ratings that are 4 or 5. */
    public record Period(long conversations, long resolved, Double avgFirstResponseSeconds,
                         Double avgResolutionSeconds, Double avgSatisfaction, long ratings, Double csat) {
    }

    public record AgentRow(UUID agentId, String name, long conversations, long resolved, long messagesSent,
                           Double avgFirstResponseSeconds, Double avgResolutionSeconds, Double avgSatisfaction) {
    }

    public record ChannelRow(String platform, long conversations, long messages, Double avgFirstResponseSeconds,
                             Double avgResolutionSeconds, Double avgSatisfaction) {
    }

    public record DayCount(LocalDate day, long inbound, long outbound) {
    }

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    InboxMetrics(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Reporting
    public Metrics of(int days) {
        ZoneId zone = settings.current().zoneId();
        LocalDate today = LocalDate.now(zone);
        LocalDate from = today.minusDays(days - 1L);
        Timestamp since = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp todayStart = Timestamp.from(today.atStartOfDay(zone).toInstant());
        return new Metrics(days, from, byStatus(), today(todayStart), period(since), satisfaction(since),
                agents(since), channels(since), perDay(since, zone, from, days));
    }

    private Map<String, Long> byStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        jdbc.sql("SELECT status, count(*) AS n FROM conversations WHERE tenant_id = :tenant GROUP BY status")
                .param("tenant", TenantContext.tenantId())
                .query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
        return counts;
    }

    private Today today(Timestamp start) {
        return jdbc.sql("""
                        SELECT count(*) AS total, count(*) FILTER (WHERE sender_type = 'contact') AS inbound,
                               count(*) FILTER (WHERE is_from_me AND NOT is_private) AS outbound,
                               (SELECT count(*) FROM conversations
                                WHERE tenant_id = :tenant AND opened_at >= :start) AS conversations_opened
                        FROM messages WHERE tenant_id = :tenant AND created_at >= :start""")
                .param("tenant", TenantContext.tenantId()).param("start", start).query(Today.class).single();
    }

    private Period period(Timestamp since) {
        return jdbc.sql("""
                        SELECT count(*) AS conversations, count(resolved_at) AS resolved,
                               avg(first_response_time)::float8 AS avg_first_response_seconds,
                               avg(resolution_time)::float8 AS avg_resolution_seconds,
                               avg(satisfaction_score)::float8 AS avg_satisfaction, count(satisfaction_score) AS ratings,
                               (100.0 * count(*) FILTER (WHERE satisfaction_score >= 4)
                                   / nullif(count(satisfaction_score), 0))::float8 AS csat
                        FROM conversations WHERE tenant_id = :tenant AND opened_at >= :since""")
                .param("tenant", TenantContext.tenantId()).param("since", since).query(Period.class).single();
    }

    /** How many ratings of 1, 2, 3, 4 and 5. */
    private List<Long> satisfaction(Timestamp since) {
        return jdbc.sql("""
                        SELECT count(c.satisfaction_score) FROM generate_series(1, 5) AS s(score)
                        LEFT JOIN conversations c ON c.tenant_id = :tenant AND c.satisfaction_score = s.score
                                                  AND c.opened_at >= :since
                        GROUP BY s.score ORDER BY s.score""")
                .param("tenant", TenantContext.tenantId()).param("since", since).query(Long.class).list();
    }

    private List<AgentRow> agents(Timestamp since) {
        return jdbc.sql("""
                        SELECT u.id AS agent_id, u.name, count(c.id) AS conversations, count(c.resolved_at) AS resolved,
                               coalesce((SELECT count(*) FROM messages m WHERE m.tenant_id = c.tenant_id
                                           AND m.sender_type = 'user' AND m.sender_id = u.id
                                           AND m.created_at >= :since AND NOT m.is_private), 0)
                                   AS messages_sent,
                               avg(c.first_response_time)::float8 AS avg_first_response_seconds,
                               avg(c.resolution_time)::float8 AS avg_resolution_seconds,
                               avg(c.satisfaction_score)::float8 AS avg_satisfaction
                        FROM conversations c JOIN platform_users u ON u.tenant_id = c.tenant_id AND u.id = c.assigned_to
                        WHERE c.tenant_id = :tenant AND c.opened_at >= :since
                        GROUP BY c.tenant_id, u.id, u.name ORDER BY count(c.id) DESC, lower(u.name)""")
                .param("tenant", TenantContext.tenantId()).param("since", since).query(AgentRow.class).list();
    }

    private List<ChannelRow> channels(Timestamp since) {
        return jdbc.sql("""
                        SELECT c.platform, count(*) AS conversations,
                               coalesce((SELECT count(*) FROM messages m WHERE m.tenant_id = c.tenant_id
                                           AND m.platform = c.platform AND m.created_at >= :since), 0) AS messages,
                               avg(c.first_response_time)::float8 AS avg_first_response_seconds,
                               avg(c.resolution_time)::float8 AS avg_resolution_seconds,
                               avg(c.satisfaction_score)::float8 AS avg_satisfaction
                        FROM conversations c WHERE c.tenant_id = :tenant AND c.opened_at >= :since
                        GROUP BY c.tenant_id, c.platform ORDER BY count(*) DESC, c.platform""")
                .param("tenant", TenantContext.tenantId()).param("since", since).query(ChannelRow.class).list();
    }

    /** Every day of the period, days without messages as zero. */
    private List<DayCount> perDay(Timestamp since, ZoneId zone, LocalDate from, int days) {
        Map<LocalDate, DayCount> found = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT (created_at AT TIME ZONE :zone)::date AS day,
                               count(*) FILTER (WHERE sender_type = 'contact') AS inbound,
                               count(*) FILTER (WHERE is_from_me AND NOT is_private) AS outbound
                        FROM messages WHERE tenant_id = :tenant AND created_at >= :since GROUP BY 1""")
                .param("tenant", TenantContext.tenantId()).param("zone", zone.getId()).param("since", since)
                .query(DayCount.class).list()
                .forEach(d -> found.put(d.day(), d));
        return from.datesUntil(from.plusDays(days))
                .map(d -> found.getOrDefault(d, new DayCount(d, 0, 0))).toList();
    }
}
