package dev.bodega.platform.internal.operator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A company's storage (tenant_storage_bytes, V183) reads every row the company has, so it is measured at most once
 * per {@code bodega.operator.storage-max-age} and the console says when: a console view must not scan each company.
 */
@Component
class StorageMeter {

    record Measure(long bytes, Instant measuredAt) {
    }

    private final Map<UUID, Measure> measured = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration maxAge;

    StorageMeter(JdbcClient jdbc, Clock clock, @Value("${bodega.operator.storage-max-age}") Duration maxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The last measure if younger than the maximum age, else a new one; runs in the caller's transaction. */
    Measure of(UUID tenantId) {
        Measure last = measured.get(tenantId);
        if (last != null && last.measuredAt().plus(maxAge).isAfter(clock.instant())) {
            return last;
        }
        long bytes = jdbc.sql("SELECT tenant_storage_bytes(:t)").param("t", tenantId).query(Long.class).single();
        Measure fresh = new Measure(bytes, clock.instant());
        measured.put(tenantId, fresh);
        return fresh;
    }
}
