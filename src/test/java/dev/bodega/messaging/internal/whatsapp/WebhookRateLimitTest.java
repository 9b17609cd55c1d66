package dev.bodega.messaging.internal.whatsapp;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRateLimitTest {

    @Test
    void eachCompanyHasItsOwnBucketSizedByItsPlan() {
        var limit = new WebhookRateLimit(new WebhookRateLimit.PerPlan(Map.of("starter", 2L, "pro", 3L)));
        UUID flooding = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID pro = UUID.randomUUID();

        assertThat(limit.tryAcquire(flooding, "starter")).isTrue();
        assertThat(limit.tryAcquire(flooding, "starter")).isTrue();
        assertThat(limit.tryAcquire(flooding, "starter")).isFalse();
        assertThat(limit.tryAcquire(other, "starter")).isTrue();
        assertThat(limit.tryAcquire(pro, "pro")).isTrue();
        assertThat(limit.tryAcquire(pro, "pro")).isTrue();
        assertThat(limit.tryAcquire(pro, "pro")).isTrue();
        assertThat(limit.tryAcquire(pro, "pro")).isFalse();
    }

    @Test
    void anUnknownPlanGetsTheStarterLimit() {
        var limit = new WebhookRateLimit(new WebhookRateLimit.PerPlan(Map.of("starter", 1L)));
        UUID tenant = UUID.randomUUID();

        assertThat(limit.tryAcquire(tenant, "enterprise")).isTrue();
        assertThat(limit.tryAcquire(tenant, "enterprise")).isFalse();
    }
}
