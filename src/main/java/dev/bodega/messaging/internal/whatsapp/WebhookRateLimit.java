package dev.bodega.messaging.internal.whatsapp;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inbound webhooks per company and minute, by the company's plan: a token bucket each (bucket4j), so one company's
 * flood cannot take the server from the others. Meta retries a refused webhook later, so nothing is lost.
 */
@Component
@EnableConfigurationProperties(WebhookRateLimit.PerPlan.class)
class WebhookRateLimit {

    /** {@code bodega.whatsapp.webhooks-per-minute.<plan>}: starter, pro, enterprise. */
    @ConfigurationProperties("bodega.whatsapp")
    record PerPlan(Map<String, Long> webhooksPerMinute) {
        long of(String plan) {
            return webhooksPerMinute.getOrDefault(plan, webhooksPerMinute.getOrDefault("starter", 600L));
        }
    }

    private record Key(UUID tenantId, String plan) {
    }

    private final PerPlan limits;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();

    WebhookRateLimit(PerPlan limits) {
        this.limits = limits;
    }

    boolean tryAcquire(UUID tenantId, String plan) {
        return buckets.computeIfAbsent(new Key(tenantId, plan), key -> {
            long perMinute = limits.of(plan);
            return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                    .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
        }).tryConsume(1);
    }
}
