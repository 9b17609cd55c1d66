package dev.bodega.messaging.internal;

import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantSettingsService;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outbound messages per company and minute, by the company's plan (a bucket4j token bucket each), so one company
 * cannot flood a channel's sending limits for everyone. {@code bodega.messaging.outbound-per-minute.<plan>}
 * overrides the defaults.
 */
@Component
class OutboundRateLimit {

    private static final Map<String, Long> DEFAULTS = Map.of("starter", 120L, "pro", 600L, "enterprise", 3000L);

    record Key(UUID tenantId, long perMinute) {
    }

    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final TenantSettingsService settings;
    private final Environment environment;

    OutboundRateLimit(TenantSettingsService settings, Environment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** Takes one message from the company's allowance, or refuses with 429. */
    void take(UUID tenantId) {
        if (!tryTake(tenantId)) {
            throw Problems.of(MessagingProblem.RATE_LIMITED, "Too many messages sent this minute; try again shortly");
        }
    }

    boolean tryTake(UUID tenantId) {
        long perMinute = perMinute(settings.current().plan());
        return buckets.computeIfAbsent(new Key(tenantId, perMinute), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }

    long perMinute(String plan) {
        String key = plan == null ? "starter" : plan;
        return environment.getProperty("bodega.messaging.outbound-per-minute." + key, Long.class,
                DEFAULTS.getOrDefault(key, DEFAULTS.get("starter")));
    }
}
