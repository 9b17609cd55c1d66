package dev.bodega.platform.internal.operator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Every company's security events (sign-in failures, lockouts, denied access, keys), newest first, for operators. */
@Service
class PlatformSecurityEvents {

    static final Duration WINDOW = Duration.ofDays(7);

    record Event(String tenantSlug, Instant occurredAt, String eventType, String riskLevel, String email,
                 String ipAddress, String details) {
    }

    private final JdbcClient jdbc;

    PlatformSecurityEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} of the last week, of one event type (or all when blank). */
    @Transactional(readOnly = true)
    List<Event> recent(String type, int limit) {
        return jdbc.sql("SELECT * FROM operator_security_events(:since, :limit) WHERE :type = '' OR event_type = :type")
                .param("since", Timestamp.from(Instant.now().minus(WINDOW))).param("limit", limit)
                .param("type", type == null ? "" : type)
                .query(Event.class).list().stream()
                .sorted(Comparator.comparing(Event::occurredAt).reversed()).limit(limit).toList();
    }
}
