package dev.bodega.messaging.internal.assistants;

import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Seed 002's {@code assistant_metrics}, per assistant of the current company over the last days: answers, hand-offs,
 * average latency, tokens, estimated cost, and the satisfaction of the conversations it took; and answers and
 * hand-offs per day (in the company's time zone) for the charts.
 */
@Component
class AssistantMetrics {

    record Totals(UUID assistantId, String name, long answers, long handOffs, Integer averageLatencyMs,
                  long promptTokens, long completionTokens, BigDecimal estimatedCost, long conversations,
                  BigDecimal satisfaction, long rated) {
    }

    record Day(LocalDate day, long answers, long handOffs) {
    }

    record Report(int days, List<Totals> assistants, List<Day> daily) {
    }

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    AssistantMetrics(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Report report(int days) {
        List<Totals> totals = jdbc.sql("""
                        SELECT a.id AS assistant_id, a.name,
                               count(t.id) FILTER (WHERE t.outcome = 'answered') AS answers,
                               count(t.id) FILTER (WHERE t.outcome = 'handed_off') AS hand_offs,
                               round(avg(t.latency_ms))::integer AS average_latency_ms,
                               coalesce(sum(t.prompt_tokens), 0) AS prompt_tokens,
                               coalesce(sum(t.completion_tokens), 0) AS completion_tokens,
                               round(coalesce(sum(t.cost), 0), 4) AS estimated_cost,
                               (SELECT count(*) FROM conversations c WHERE c.tenant_id = a.tenant_id
                                  AND c.assistant_id = a.id AND c.opened_at >= now() - make_interval(days => :days))
                                   AS conversations,
                               (SELECT round(avg(c.satisfaction_score), 2) FROM conversations c
                                WHERE c.tenant_id = a.tenant_id AND c.assistant_id = a.id
                                  AND c.opened_at >= now() - make_interval(days => :days)) AS satisfaction,
                               (SELECT count(c.satisfaction_score) FROM conversations c
                                WHERE c.tenant_id = a.tenant_id AND c.assistant_id = a.id
                                  AND c.opened_at >= now() - make_interval(days => :days)) AS rated
                        FROM assistants a
                        LEFT JOIN assistant_turns t ON t.tenant_id = a.tenant_id AND t.assistant_id = a.id
                                                  AND t.created_at >= now() - make_interval(days => :days)
                        WHERE a.tenant_id = :tenant AND a.deleted_at IS NULL
                        GROUP BY a.tenant_id, a.id, a.name ORDER BY a.name, a.id""")
                .param("days", days).param("tenant", TenantContext.tenantId()).query(Totals.class).list();
        List<Day> daily = jdbc.sql("""
                        SELECT d::date AS day,
                               count(t.id) FILTER (WHERE t.outcome = 'answered') AS answers,
                               count(t.id) FILTER (WHERE t.outcome = 'handed_off') AS hand_offs
                        FROM generate_series((now() AT TIME ZONE :zone)::date - (:days - 1), (now() AT TIME ZONE :zone)::date,
                                             interval '1 day') d
                        LEFT JOIN assistant_turns t ON t.tenant_id = :tenant
                                                  AND (t.created_at AT TIME ZONE :zone)::date = d::date
                        GROUP BY d ORDER BY d""")
                .param("days", days).param("zone", zone()).param("tenant", TenantContext.tenantId())
                .query(Day.class).list();
        return new Report(days, totals, daily);
    }

    private String zone() {
        return settings.current().timeZone();
    }
}
