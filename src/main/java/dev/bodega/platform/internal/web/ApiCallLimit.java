package dev.bodega.platform.internal.web;

import dev.bodega.platform.Actor;
import dev.bodega.platform.TenantSettingsService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API calls per API key, by its company's plan ({@code bodega.rate-limits.api-per-key.<plan>}). Runs once the
 * caller is known (after authentication and the actor's standing), keyed on the key's id; a signed-in browser's
 * calls are not counted. The plan is remembered a minute per company, so a call costs no query.
 */
@Component
class ApiCallLimit implements HandlerInterceptor {

    private static final Duration PLAN_KEPT = Duration.ofMinutes(1);

    private record Plan(String name, Instant readAt) {
    }

    private final RateLimits limits;
    private final TenantSettingsService settings;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, Plan> plans = new ConcurrentHashMap<>();

    ApiCallLimit(RateLimits limits, TenantSettingsService settings) {
        this.limits = limits;
        this.settings = settings;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Actor actor = Actor.current().orElse(null);
        if (actor != null && actor.apiKeyId() != null) {
            limits.takeApiCall(actor.apiKeyId().toString(), plan(actor.tenantId()));
        }
        return true;
    }

    private String plan(UUID tenantId) {
        Instant now = clock.instant();
        Plan plan = plans.get(tenantId);
        if (plan == null || plan.readAt().plus(PLAN_KEPT).isBefore(now)) {
            plan = new Plan(settings.current().plan(), now);
            plans.put(tenantId, plan);
        }
        return plan.name();
    }
}
